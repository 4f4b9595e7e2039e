using Gates.Testing.Tools;
using static Gates.EvalGate.Tests.Command.EvalGateHarness;

namespace Gates.EvalGate.Tests.Command;

/// <summary>Nothing missing, empty, NaN or unreadable ever passes: each is exit 2 with a reason that names it.</summary>
public class FailClosedTests
{
    private const string Gates = "gates:\n  g:\n    metric: score\n    min: 0.5\n    comparison: gte\n";

    private static RunResult Run(string results, string thresholds = Gates, params string[] extra)
    {
        using var gate = new EvalGateHarness();
        var r = gate.Folder.Write("results.json", results);
        var t = gate.Folder.Write("t.yaml", thresholds);
        return gate.Run(["-r", r, "-t", t, .. extra]);
    }

    [Theory]
    [InlineData("{\"other\": 0.9}", "score")]
    [InlineData("{\"score\": \"NaN\"}", "score")]
    [InlineData("{\"score\": \"0.9\", \"other\": 1}", "score")]
    [InlineData("{\"score\": null, \"other\": 1}", "score")]
    [InlineData("{\"score\": \"0.9\"}", "no numeric metrics")]
    [InlineData("", "results.json")]
    [InlineData("{\"score\": 0.9", "results.json")]
    public void Bad_results_are_exit_2_naming_the_problem(string results, string named)
    {
        var result = Run(results).ShouldExit(2);

        result.Stderr.ShouldContain(named);
        result.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public void Zero_items_in_a_jsonl_file_is_exit_2()
    {
        using var gate = new EvalGateHarness();
        var r = gate.Folder.Write("items.jsonl", "\n\n");
        var t = gate.Folder.Write("t.yaml", Gates);

        gate.Run("-r", r, "-t", t).ShouldExit(2);
    }

    [Fact]
    public void Every_missing_metric_is_listed_at_once()
    {
        var result = Run("{\"x\": 1}", "gates:\n  a:\n    metric: alpha\n    min: 0.5\n  b:\n    metric: beta\n    max: 0.5\n").ShouldExit(2);

        result.Stderr.ShouldContain("gate 'a'");
        result.Stderr.ShouldContain("gate 'b'");
    }

    [Fact]
    public void An_optional_gate_with_a_missing_metric_warns_and_never_passes()
    {
        var result = Run("{\"score\": 0.9}", Gates + "  opt:\n    metric: extra\n    min: 0.5\n    required: false\n", "--format", "json").ShouldExit(0);

        result.Stdout.ShouldContain("\"verdict\": \"warn\"");
        result.Stdout.ShouldContain("not evaluated (optional gate)");
    }

    [Fact]
    public void A_delta_gate_without_a_baseline_is_exit_2()
    {
        Run("{\"score\": 0.9}", "gates:\n  r:\n    metric: score\n    min: -0.02\n    delta: absolute\n").ShouldExit(2)
            .Stderr.ShouldContain("no --baseline");
    }

    [Fact]
    public void A_baseline_metric_absent_from_the_current_results_is_exit_2()
    {
        using var gate = new EvalGateHarness();
        var r = gate.Folder.Write("current.json", "{\"score\": 0.9}");
        var b = gate.Folder.Write("baseline.json", "{\"score\": 0.88, \"safety\": 0.99}");
        var t = gate.Folder.Write("t.yaml", "gates:\n  r:\n    metric: score_delta_vs_baseline\n    min: -0.02\n");

        gate.Run("-r", r, "-b", b, "-t", t).ShouldExit(2).Stderr.ShouldContain("safety");
    }

    [Fact]
    public void The_delta_vs_baseline_metric_is_computed_when_not_given()
    {
        using var gate = new EvalGateHarness();
        var r = gate.Folder.Write("current.json", "{\"quality\": 0.80, \"quality_successes\": 800, \"n\": 1000}");
        var b = gate.Folder.Write("baseline.json", "{\"quality\": 0.85, \"quality_successes\": 850, \"n\": 1000}");
        var t = gate.Folder.Write("t.yaml", "gates:\n  r:\n    metric: quality_delta_vs_baseline\n    min: -0.02\n");

        var result = gate.Run("-r", r, "-b", b, "-t", t, "--format", "json").ShouldExit(1);

        var check = global::Gates.Core.Reporting.GateReportJson.Parse(result.Stdout, "stdout").Checks.Single();
        check.BaselineValue.ShouldBe(0.85);
        check.Delta!.Value.ShouldBe(-0.05, 1e-12);
        check.Interval.ShouldNotBeNull("successes and n on both sides give an unpaired interval");
    }

    [Fact]
    public void A_relative_delta_divides_by_the_baseline()
    {
        using var gate = new EvalGateHarness();
        var r = gate.Folder.Write("current.json", "{\"quality\": 0.78}");
        var b = gate.Folder.Write("baseline.json", "{\"quality\": 0.80}");
        var t = gate.Folder.Write("t.yaml", "gates:\n  r:\n    metric: quality\n    min: -0.02\n    delta: relative\n");

        // (0.78 - 0.80) / 0.80 = -2.5 %, below -2 %.
        gate.Run("-r", r, "-b", b, "-t", t).ShouldExit(1).Stdout.ShouldContain("relative delta -0.025");
    }

    [Theory]
    [InlineData("--results-format", "csv")]
    [InlineData("--seed", "-1")]
    [InlineData("--format", "html")]
    public void Bad_flags_are_exit_2(string flag, string value)
    {
        Run("{\"score\": 0.9}", Gates, flag, value).ShouldExit(2).Stderr.ShouldContain(flag);
    }

    [Fact]
    public void Missing_results_or_thresholds_flags_are_exit_2()
    {
        using var gate = new EvalGateHarness();

        gate.Run("-t", Thresholds("quality.yaml")).ShouldExit(2).Stderr.ShouldContain("--results");
        gate.Run("-r", Sample("pass.json")).ShouldExit(2).Stderr.ShouldContain("--thresholds");
        gate.Run("-r", "/no/such/file.json", "-t", Thresholds("quality.yaml")).ShouldExit(2).Stderr.ShouldContain("/no/such/file.json");
    }
}
