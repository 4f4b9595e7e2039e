using Gates.Core.Reporting;
using static Gates.EvalGate.Tests.Command.EvalGateHarness;

namespace Gates.EvalGate.Tests.Command;

/// <summary>The bundled samples pass, warn, fail and come out inconclusive with the documented exit codes.</summary>
public class SampleVerdictTests
{
    [Theory]
    [InlineData("pass.json", "quality.yaml", 0, "PASS")]
    [InlineData("warn.json", "quality.yaml", 0, "WARN")]
    [InlineData("fail.json", "quality.yaml", 1, "FAIL")]
    [InlineData("safety.json", "safety.yaml", 0, "PASS")]
    [InlineData("safety-small.json", "safety.yaml", 4, "INCONCLUSIVE")]
    public void Samples_give_their_verdicts(string sample, string thresholds, int exitCode, string verdict)
    {
        using var gate = new EvalGateHarness();

        var result = gate.Run("--results", Sample(sample), "--thresholds", Thresholds(thresholds)).ShouldExit(exitCode);

        result.Stdout.ShouldContain($"Overall: {verdict}");
    }

    [Fact]
    public void Safety_rates_without_a_sample_size_are_inconclusive_not_a_pass()
    {
        using var gate = new EvalGateHarness();
        var results = gate.Folder.Write("safety.json", "{\"toxicity_rate\": 0, \"jailbreak_success_rate\": 0, \"pii_leak_rate\": 0}");

        var result = gate.Run("--results", results, "--thresholds", Thresholds("safety.yaml")).ShouldExit(4);

        result.Stdout.ShouldContain("Overall: INCONCLUSIVE");
        result.Stdout.ShouldContain("no sample size in the results: cannot be confident");
    }

    [Fact]
    public void Lm_eval_stderr_na_under_a_confident_gate_is_inconclusive()
    {
        using var gate = new EvalGateHarness();
        var results = gate.Folder.Write("lm.json", """{"results": {"arc": {"alias": "arc", "acc,none": 0.9, "acc_stderr,none": "N/A"}}, "versions": {"arc": 1}}""");
        var thresholds = gate.Folder.Write("t.yaml", "gates:\n  arc:\n    metric: arc.acc,none\n    min: 0.5\n    decision: confident\n");

        gate.Run("--results", results, "--thresholds", thresholds).ShouldExit(4);
    }

    [Fact]
    public void Fail_on_warn_turns_a_warning_into_exit_1()
    {
        using var gate = new EvalGateHarness();

        gate.Run("-r", Sample("warn.json"), "-t", Thresholds("quality.yaml"), "--fail-on", "warn").ShouldExit(1);
    }

    [Theory]
    [InlineData("pass", 0)]
    [InlineData("warn", 0)]
    [InlineData("fail", 1)]
    public void On_inconclusive_maps_exit_4(string policy, int expected)
    {
        using var gate = new EvalGateHarness();

        gate.Run("-r", Sample("safety-small.json"), "-t", Thresholds("safety.yaml"), "--on-inconclusive", policy).ShouldExit(expected);
    }

    [Fact]
    public void Borderline_gates_say_how_many_samples_would_resolve_them()
    {
        using var gate = new EvalGateHarness();

        var result = gate.Run("-r", Sample("warn.json"), "-t", Thresholds("quality.yaml"), "--report-json", "report.json").ShouldExit(0);

        var report = GateReportJson.Parse(File.ReadAllText(gate.Folder.File("report.json")), "report.json");
        var groundedness = report.Checks.Single(c => c.Name == "groundedness");
        groundedness.Borderline.ShouldBeTrue();
        groundedness.SamplesToResolve!.Value.ShouldBeGreaterThan(1200);
        groundedness.Interval!.Low.ShouldBeLessThan(0.85);
        result.Stdout.ShouldContain("borderline");
    }

    [Fact]
    public void Paired_items_against_a_baseline_use_mcnemar_and_a_paired_bootstrap()
    {
        using var gate = new EvalGateHarness();

        gate.Run("-r", Sample("items-candidate.jsonl"), "-b", Sample("items-baseline.jsonl"), "-t", Thresholds("quality-paired.yaml"),
            "--report-json", "report.json").ShouldExit(0);

        var report = GateReportJson.Parse(File.ReadAllText(gate.Folder.File("report.json")), "report.json");
        var grounded = report.Checks.Single(c => c.Name == "groundedness_regression");
        grounded.Method!.ShouldStartWith("mcnemar");
        grounded.BaselineValue.ShouldNotBeNull();
        grounded.PValue!.Value.ShouldBeLessThan(0.05);
        grounded.N.ShouldBe(600);
        var relevancy = report.Checks.Single(c => c.Name == "relevancy_regression");
        relevancy.Method.ShouldBe("paired bootstrap");
        relevancy.Interval.ShouldNotBeNull();
        report.Inputs.Select(i => i.Role).ShouldBe(["results", "baseline"]);
    }
}
