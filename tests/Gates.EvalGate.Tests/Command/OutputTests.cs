using System.Xml.Linq;
using Gates.Core.Reporting;
using static Gates.EvalGate.Tests.Command.EvalGateHarness;

namespace Gates.EvalGate.Tests.Command;

public class OutputTests
{
    [Fact]
    public void Report_json_records_inputs_thresholds_subject_and_every_check()
    {
        using var gate = new EvalGateHarness();
        gate.Variables["GITHUB_SHA"] = "abc123";

        gate.Run("-r", Sample("fail.json"), "-t", Thresholds("quality.yaml"), "--report-json", "out/report.json",
            "--subject-model", "support-bot", "--subject-version", "2026-11-22", "--ci", "none").ShouldExit(1);

        var report = GateReportJson.Parse(File.ReadAllText(gate.Folder.File("out/report.json")), "report.json");
        report.Tool.Name.ShouldBe("eval-gate");
        report.Subject.Model.ShouldBe("support-bot");
        report.Subject.Commit.ShouldBe("abc123");
        report.Verdict.ShouldBe(Gates.Core.Results.Verdict.Fail);
        report.Inputs.Single().Sha256.Length.ShouldBe(64);
        report.Thresholds!.Path.ShouldEndWith("quality.yaml");
        report.Checks.Count.ShouldBe(4);
        report.Details!.Keys.ShouldContain("eval-gate");
    }

    [Theory]
    [InlineData("markdown", "## eval-gate: FAIL")]
    [InlineData("json", "\"verdict\": \"fail\"")]
    [InlineData("junit", "<testsuite")]
    public void Format_chooses_what_stdout_carries(string format, string expected)
    {
        using var gate = new EvalGateHarness();

        var result = gate.Run("-r", Sample("fail.json"), "-t", Thresholds("quality.yaml"), "--format", format, "--ci", "none").ShouldExit(1);

        result.Stdout.ShouldContain(expected);
    }

    [Fact]
    public void Output_writes_the_format_to_a_file_and_keeps_the_text_report_on_stdout()
    {
        using var gate = new EvalGateHarness();

        var result = gate.Run("-r", Sample("fail.json"), "-t", Thresholds("quality.yaml"), "--format", "junit", "--output", "junit.xml", "--ci", "none").ShouldExit(1);

        var xml = XDocument.Load(gate.Folder.File("junit.xml"));
        xml.Descendants("testcase").Count().ShouldBe(4);
        xml.Descendants("failure").Count().ShouldBe(3);
        result.Stdout.ShouldContain("Overall: FAIL");
    }

    [Fact]
    public void On_github_it_writes_the_summary_outputs_and_one_annotation_per_failed_gate()
    {
        using var gate = new EvalGateHarness();
        gate.Variables["GITHUB_ACTIONS"] = "true";
        gate.Variables["GITHUB_STEP_SUMMARY"] = gate.Folder.Write("summary.md", "");
        gate.Variables["GITHUB_OUTPUT"] = gate.Folder.Write("output.txt", "");

        var result = gate.Run("-r", Sample("fail.json"), "-t", Thresholds("quality.yaml"), "--report-json", "report.json").ShouldExit(1);

        File.ReadAllText(gate.Folder.File("summary.md")).ShouldContain("## eval-gate: FAIL");
        var outputs = File.ReadAllText(gate.Folder.File("output.txt"));
        outputs.ShouldContain("verdict<<");
        outputs.ShouldContain("fail");
        outputs.ShouldContain("passed<<");
        outputs.ShouldContain(gate.Folder.File("report.json"));
        result.Stderr.Split('\n').Count(l => l.StartsWith("::error")).ShouldBe(3);
        result.Stdout.ShouldNotContain("::error");
    }

    [Fact]
    public void Flags_can_come_from_environment_variables()
    {
        using var gate = new EvalGateHarness();
        gate.Variables["GATES_RESULTS"] = Sample("pass.json");
        gate.Variables["GATES_THRESHOLDS"] = Thresholds("quality.yaml");
        gate.Variables["GATES_FORMAT"] = "json";

        gate.Run().ShouldExit(0).Stdout.ShouldContain("\"verdict\": \"pass\"");
    }
}
