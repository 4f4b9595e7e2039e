using System.Xml.Linq;
using Gates.Core.Results;
using Gates.Testing.Fakes;
using Gates.Testing.Http;
using static Gates.GateReport.Tests.GateReportHarness;

namespace Gates.GateReport.Tests;

/// <summary>gate-report's one comment, one step summary and one JUnit file.</summary>
public class PublishingTests
{
    [Fact]
    public void One_sticky_promotion_comment_per_pipeline_updated_on_reruns()
    {
        using var github = new FakeGitHub().WithRepository("acme/models").WithToken("ghs_token_value", FakeAccount.ActionsToken);
        using var gate = new GateReportHarness();
        gate.Variables["GITHUB_ACTIONS"] = "true";
        gate.Variables["GITHUB_REPOSITORY"] = "acme/models";
        gate.Variables["GITHUB_API_URL"] = github.ApiUrl;
        gate.Variables["GITHUB_TOKEN"] = "ghs_token_value";
        gate.Variables["GITHUB_RUN_ID"] = "31";
        gate.Variables["GITHUB_STEP_SUMMARY"] = gate.Folder.Write("summary.md", "");
        gate.Write("reports/eval.json", Report("eval-gate", Verdict.Fail));
        gate.Write("reports/latency.json", Report("latency-bench", Verdict.Pass, input: "out/latency.json"));

        gate.Run("--reports", "reports/*.json", "--pr-number", "5").ShouldExit(1);
        var rerun = gate.Run("--reports", "reports/*.json", "--pr-number", "5").ShouldExit(1);

        var comment = github.On("acme/models", 5).ShouldHaveSingleItem();
        comment.Body.ShouldStartWith("## Promotion gates for support-bot 1.2: FAIL");
        comment.Body.ShouldContain("| eval-gate | **FAIL** |");
        comment.Body.ShouldContain("| latency-bench | pass |");
        comment.Body.ShouldContain("[run](https://github.com/acme/models/actions/runs/31)");
        comment.Body.ShouldEndWith("<!-- gates:gate-report:support-bot -->");
        rerun.Stderr.ShouldContain("PR comment unchanged on acme/models#5");
        (rerun.Stdout + rerun.Stderr).ShouldNotContain("ghs_token_value");
        var summary = File.ReadAllText(gate.Folder.File("summary.md"));
        summary.ShouldContain("## Promotion gates for support-bot 1.2: FAIL");
    }

    [Fact]
    public void GitLab_gets_one_junit_file_with_a_test_case_per_gate()
    {
        using var gate = new GateReportHarness();
        gate.Variables["GITLAB_CI"] = "true";
        gate.Write("reports/eval.json", Report("eval-gate", Verdict.Fail));
        gate.Write("reports/latency.json", Report("latency-bench", Verdict.Pass, input: "out/latency.json"));

        gate.Run("--reports", "reports/*.json", "--outputs-dir", "gates").ShouldExit(1);

        var junit = XDocument.Load(gate.Folder.File("gates/gates-gate-report.junit.xml"));
        junit.Descendants("testcase").Select(t => t.Attribute("name")!.Value).ShouldBe(["eval-gate", "latency-bench"]);
        junit.Descendants("failure").Count().ShouldBe(1);
    }
}
