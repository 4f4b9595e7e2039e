using Gates.Testing.Fakes;
using Gates.Testing.Http;
using Gates.Testing;
using Gates.Testing.Tools;
using System.Text.Json.Nodes;

namespace Gates.EndToEnd.Tests;

/// <summary>The installed gate-report command over reports the installed eval-gate wrote, as a two-job pipeline would run them.</summary>
[Collection(nameof(ToolsCollection))]
public class GateReportToolTests(InstalledTools tools)
{
    private static string Repo(params string[] parts) => RepositoryPaths.Of(parts);

    [Fact]
    public void Installed_gate_report_merges_the_gates_posts_one_comment_and_writes_the_evidence()
    {
        using var folder = new TempFolder();
        using var github = new FakeGitHub().WithRepository("acme/models").WithToken("ghs_e2e_token_value", FakeAccount.ActionsToken);
        var subject = new[] { "--subject-model", "support-bot", "--subject-version", "2026.11.3" };
        tools.RunTool("eval-gate", ["-r", Repo("samples", "eval", "pass.json"), "-t", Repo("thresholds", "quality.yaml"), "--report-json", "reports/quality.json", .. subject], folder.Path)
            .ShouldExit(0);
        tools.RunTool("eval-gate", ["-r", Repo("samples", "eval", "fail.json"), "-t", Repo("thresholds", "quality.yaml"), "--report-json", "reports/candidate.json", .. subject], folder.Path)
            .ShouldExit(1);
        var env = new Dictionary<string, string?>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_REPOSITORY"] = "acme/models",
            ["GITHUB_API_URL"] = github.ApiUrl,
            ["GITHUB_TOKEN"] = "ghs_e2e_token_value",
            ["GITHUB_EVENT_PATH"] = folder.Write("event.json", """{"pull_request":{"number":3,"head":{"repo":{"full_name":"acme/models"}},"base":{"repo":{"full_name":"acme/models"}}}}"""),
            ["GITHUB_STEP_SUMMARY"] = folder.Write("summary.md", ""),
            ["GITHUB_SHA"] = "3f2c9a1e5b7d",
            ["GITHUB_RUN_ID"] = "77",
        };

        var first = tools.RunTool("gate-report", ["--reports", "reports/*.json", "--evidence", "evidence.json"], folder.Path, env);
        var second = tools.RunTool("gate-report", ["--reports", "reports/*.json", "--evidence", "evidence.json"], folder.Path, env);

        first.ShouldExit(1);
        second.ShouldExit(1);
        var comment = github.On("acme/models", 3).ShouldHaveSingleItem();
        comment.Body.ShouldStartWith("## Promotion gates for support-bot 2026.11.3: FAIL");
        comment.Body.ShouldContain("| eval-gate (candidate.json) | **FAIL** |");
        comment.Body.ShouldContain("| eval-gate (quality.json) | pass |");
        File.ReadAllText(env["GITHUB_STEP_SUMMARY"]!).ShouldContain("Promotion gates for support-bot 2026.11.3");
        var evidence = JsonNode.Parse(File.ReadAllText(folder.File("evidence.json")))!;
        evidence["run"]!["commit"]!.GetValue<string>().ShouldBe("3f2c9a1e5b7d");
        evidence["reports"]!.AsArray().Count.ShouldBe(2);
        evidence["files"]!.AsArray().ShouldAllBe(f => f!["onDisk"]!.GetValue<string>() == "same");
        (first.Stdout + first.Stderr + second.Stdout + second.Stderr).ShouldNotContain("ghs_e2e_token_value");
    }

    [Fact]
    public void Installed_gate_report_refuses_a_pattern_that_matches_nothing()
    {
        using var folder = new TempFolder();

        var result = tools.RunTool("gate-report", ["--reports", "reports/*.json"], folder.Path);

        result.ShouldExit(2);
        result.Stderr.ShouldContain("gate-report: error: --reports: 'reports/*.json' matched no file");
    }
}
