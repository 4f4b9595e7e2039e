using Gates.Core.Results;
using static Gates.GateReport.Tests.GateReportHarness;

namespace Gates.GateReport.Tests;

/// <summary>Malformed, duplicate or missing reports are exit 2, naming the file.</summary>
public class InputErrorTests
{
    [Fact]
    public void A_glob_that_matches_nothing_is_exit_2_naming_the_pattern()
    {
        using var gate = new GateReportHarness();
        gate.Write("reports/a.json", Report("eval-gate", Verdict.Pass));

        var result = gate.Run("--reports", "reports/*.json", "--reports", "gates/*.json").ShouldExit(2);

        result.Stderr.ShouldContain("--reports: 'gates/*.json' matched no file");
        result.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_file_is_exit_2()
    {
        using var gate = new GateReportHarness();

        gate.Run("--reports", "reports/none.json").ShouldExit(2).Stderr.ShouldContain("reports/none.json: no such file");
    }

    [Fact]
    public void A_folder_given_as_a_report_is_exit_2_and_called_a_folder()
    {
        using var gate = new GateReportHarness();
        gate.Write("reports/a.json", Report("eval-gate", Verdict.Pass));

        var result = gate.Run("--reports", "reports").ShouldExit(2);

        result.Stderr.ShouldContain("reports: is a folder, not a gate report");
        result.Stderr.ShouldNotContain("Access to the path");
    }

    [Fact]
    public void No_reports_at_all_is_exit_2()
    {
        using var gate = new GateReportHarness();

        gate.Run().ShouldExit(2).Stderr.ShouldContain("--reports is required");
    }

    [Theory]
    [InlineData("{ not json", "reports/bad.json: not valid JSON")]
    [InlineData("[]", "reports/bad.json: a gate report must be a JSON object")]
    [InlineData("{\"verdict\":\"pass\"}", "reports/bad.json: no schemaVersion")]
    [InlineData("{\"schemaVersion\":2}", "reports/bad.json: schemaVersion 2 is not supported")]
    [InlineData("{\"schemaVersion\":1,\"verdict\":\"pass\"}", "reports/bad.json: not a valid gate report")]
    public void Malformed_reports_are_exit_2_naming_the_file(string content, string expected)
    {
        using var gate = new GateReportHarness();
        gate.Write("reports/good.json", Report("eval-gate", Verdict.Pass));
        gate.Folder.Write("reports/bad.json", content);

        gate.Run("--reports", "reports/*.json").ShouldExit(2).Stderr.ShouldContain(expected);
    }

    [Fact]
    public void The_same_gate_run_twice_is_exit_2_naming_both_files()
    {
        using var gate = new GateReportHarness();
        gate.Write("reports/eval.json", Report("eval-gate", Verdict.Pass));
        gate.Write("reports/eval-copy.json", Report("eval-gate", Verdict.Pass) with { DurationSeconds = 3 });

        var result = gate.Run("--reports", "reports/*.json").ShouldExit(2);

        result.Stderr.ShouldContain("reports/eval-copy.json and reports/eval.json: duplicate reports of the same eval-gate run");
    }

    [Fact]
    public void A_file_matched_by_two_patterns_is_read_once()
    {
        using var gate = new GateReportHarness();
        gate.Write("reports/eval.json", Report("eval-gate", Verdict.Pass));

        var result = gate.Run("--reports", "reports/*.json", "--reports", "reports/eval.json", "--format", "json").ShouldExit(0);

        Core.Reporting.GateReportJson.Parse(result.Stdout, "stdout").Checks.ShouldHaveSingleItem();
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        using var gate = new GateReportHarness();
        gate.Folder.Write("reports/one.json", "nope");
        gate.Folder.Write("reports/two.json", "nope");

        var result = gate.Run("--reports", "reports/*.json", "--reports", "missing/*.json").ShouldExit(2);

        result.Stderr.ShouldContain("reports/one.json");
        result.Stderr.ShouldContain("reports/two.json");
        result.Stderr.ShouldContain("missing/*.json");
    }
}
