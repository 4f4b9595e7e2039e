using Gates.Core.Reporting;
using Gates.Core.Results;
using static Gates.GateReport.Tests.GateReportHarness;

namespace Gates.GateReport.Tests;

/// <summary>--advisory: a tool run warn-only (drift-check, typically) shows in the merged report without blocking it.</summary>
public class AdvisoryTests
{
    [Fact]
    public void A_failed_report_of_an_advisory_tool_counts_as_a_warning_and_its_row_says_so()
    {
        using var gate = new GateReportHarness();
        gate.Write("gates/eval.json", Report("eval-gate", Verdict.Pass));
        gate.Write("gates/drift.json", Report("drift-check", Verdict.Fail, input: "data/current.csv"));

        var result = gate.Run("--reports", "gates/*.json", "--advisory", "drift-check", "--format", "json").ShouldExit(0);

        var merged = GateReportJson.Parse(result.Stdout, "stdout");
        merged.Verdict.ShouldBe(Verdict.Warn);
        var drift = merged.Checks.Single(c => c.Name == "drift-check");
        drift.Verdict.ShouldBe(Verdict.Warn);
        drift.Required.ShouldBeFalse();
        drift.Reason.ShouldStartWith("advisory: failed, counted as a warning; ");
    }

    [Theory]
    [InlineData(Verdict.Inconclusive, 4)]
    [InlineData(Verdict.Pass, 1)]
    public void Advisory_never_hides_an_inconclusive_report_nor_another_tools_failure(Verdict drift, int exitCode)
    {
        using var gate = new GateReportHarness();
        gate.Write("gates/eval.json", Report("eval-gate", exitCode == 1 ? Verdict.Fail : Verdict.Pass));
        gate.Write("gates/drift.json", Report("drift-check", drift, input: "data/current.csv"));

        gate.Run("--reports", "gates/*.json", "--advisory", "drift-check").ShouldExit(exitCode);
    }

    [Fact]
    public void An_unknown_tool_is_refused_and_one_without_a_report_is_a_warning()
    {
        using var gate = new GateReportHarness();
        gate.Write("gates/eval.json", Report("eval-gate", Verdict.Pass));

        var refused = gate.Run("--reports", "gates/*.json", "--advisory", "drift_check").ShouldExit(2);
        var warned = gate.Run("--reports", "gates/*.json", "--advisory", "drift-check", "--format", "json").ShouldExit(0);

        refused.Stderr.ShouldContain("--advisory: 'drift_check' is not a tool name: eval-gate | latency-bench | drift-check");
        GateReportJson.Parse(warned.Stdout, "stdout").Warnings.ShouldContain("--advisory drift-check: no drift-check report among the reports");
    }
}
