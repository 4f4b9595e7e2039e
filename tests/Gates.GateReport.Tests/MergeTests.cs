using Gates.Core.Reporting;
using Gates.Core.Results;
using static Gates.GateReport.Tests.GateReportHarness;

namespace Gates.GateReport.Tests;

public class MergeTests
{
    [Theory]
    [InlineData(Verdict.Pass, new string[0], 0)]
    [InlineData(Verdict.Warn, new string[0], 0)]
    [InlineData(Verdict.Warn, new[] { "--fail-on", "warn" }, 1)]
    [InlineData(Verdict.Inconclusive, new string[0], 4)]
    [InlineData(Verdict.Inconclusive, new[] { "--on-inconclusive", "pass" }, 0)]
    [InlineData(Verdict.Fail, new string[0], 1)]
    public void The_exit_code_follows_the_worst_verdict_under_the_common_flags(Verdict worst, string[] flags, int exitCode)
    {
        using var gate = new GateReportHarness();
        gate.Write("reports/a.json", Report("eval-gate", Verdict.Pass));
        gate.Write("reports/b.json", Report("latency-bench", worst, input: "out/latency.json"));

        gate.Run(["--reports", "reports/*.json", .. flags]).ShouldExit(exitCode);
    }

    [Fact]
    public void The_merged_report_is_a_gate_report_with_one_check_per_input_report()
    {
        using var gate = new GateReportHarness();
        gate.Write("reports/eval.json", Report("eval-gate", Verdict.Fail));
        gate.Write("reports/latency.json", Report("latency-bench", Verdict.Pass, input: "out/latency.json"));

        gate.Run("--reports", "reports/*.json", "--report-json", "merged.json", "--format", "json").ShouldExit(1);

        var merged = GateReportJson.Parse(File.ReadAllText(gate.Folder.File("merged.json")), "merged.json");
        merged.Tool.Name.ShouldBe("gate-report");
        merged.Verdict.ShouldBe(Verdict.Fail);
        merged.Subject.ShouldBe(new Subject { Model = "support-bot", Version = "1.2", Commit = "3f2c9a1e" });
        merged.Checks.Select(c => (c.Name, c.Verdict)).ShouldBe([("eval-gate", Verdict.Fail), ("latency-bench", Verdict.Pass)]);
        merged.Checks[0].Reason.ShouldBe("2 checks: 1 fail, 1 pass; hallucination 0.11 (<= 0.08), groundedness 0.91 (>= 0.85)");
        merged.Inputs.Select(i => i.Path).ShouldBe(["reports/eval.json", "reports/latency.json"]);
        merged.Inputs.ShouldAllBe(i => i.Role == "report" && i.Sha256.Length == 64);
    }

    [Fact]
    public void Reports_of_one_tool_with_one_file_name_are_told_apart_by_path_and_the_flags_set_the_subject()
    {
        using var gate = new GateReportHarness();
        gate.Write("gates/quality/report.json", Report("eval-gate", Verdict.Pass, model: "a"));
        gate.Write("gates/safety/report.json", Report("eval-gate", Verdict.Warn, thresholds: "thresholds/safety.yaml", model: "b"));

        var result = gate.Run("--reports", "gates/**/report.json", "--format", "json", "--subject-version", "9").ShouldExit(0);

        var merged = GateReportJson.Parse(result.Stdout, "stdout");
        merged.Checks.Select(c => c.Name).ShouldBe(["eval-gate (gates/quality/report.json)", "eval-gate (gates/safety/report.json)"]);
        merged.Subject.Model.ShouldBeNull();
        merged.Subject.Version.ShouldBe("9");
    }

    [Fact]
    public void Reports_of_one_tool_with_different_file_names_are_told_apart_by_file_name()
    {
        using var gate = new GateReportHarness();
        gate.Write("gates/a/quality.json", Report("eval-gate", Verdict.Pass, model: "a"));
        gate.Write("gates/b/quality.json", Report("eval-gate", Verdict.Pass, model: "b"));
        gate.Write("gates/b/safety.json", Report("eval-gate", Verdict.Warn, model: "c"));

        var result = gate.Run("--reports", "gates/**/*.json", "--format", "json").ShouldExit(0);

        var merged = GateReportJson.Parse(result.Stdout, "stdout");
        merged.Checks.Select(c => c.Name).ShouldBe(["eval-gate (gates/a/quality.json)", "eval-gate (gates/b/quality.json)", "eval-gate (safety.json)"]);
        merged.Checks.Select(c => c.Name).Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public void Markdown_is_the_promotion_table()
    {
        using var gate = new GateReportHarness();
        gate.Variables["GATES_RUN_URL"] = "https://ci.example/runs/7";
        gate.Write("reports/eval.json", Report("eval-gate", Verdict.Fail));

        var result = gate.Run("--reports", "reports/eval.json", "--format", "markdown").ShouldExit(1);

        result.Stdout.ShouldStartWith("## Promotion gates for support-bot 1.2: FAIL\n");
        result.Stdout.ShouldContain("| eval-gate | **FAIL** | 2 checks: 1 fail, 1 pass; hallucination 0.11 (&lt;= 0.08), groundedness 0.91 (&gt;= 0.85) | [run](https://ci.example/runs/7) |");
        result.Stdout.ShouldContain("reports/eval.json");
    }
}
