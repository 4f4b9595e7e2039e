using System.Text.Json.Nodes;
using Gates.Cli;
using Gates.Testing.Fakes;
using Gates.Testing.Tools;
using Gates.Testing.Http;
using Gates.ManifestBump.Tests.Promotion;
using Gates.Testing;

namespace Gates.ManifestBump.Tests.Command;

public class RemoteModeTests : IDisposable
{
    private readonly TempFolder work = new();
    private readonly FakeGitHub github = new();

    public RemoteModeTests() => github.Git.Commit("main", Scenario.Files, "initial");

    public void Dispose()
    {
        github.Dispose();
        work.Dispose();
    }

    private Dictionary<string, string?> GitHubEnv(string? summary = null) => new()
    {
        ["GITHUB_TOKEN"] = github.Token,
        ["GITHUB_API_URL"] = github.ApiUrl,
        ["GITHUB_ACTIONS"] = summary is null ? null : "true",
        ["GITHUB_STEP_SUMMARY"] = summary,
    };

    private Task<RunResult> Promote(string version, Dictionary<string, string?> env, params string[] extra) =>
        ToolRunner.RunAsync(work.Path, env, [
            "--github", $"{github.Owner}/{github.Repo}", "--model", "fraud", "--environment", "prod", "--model-version", version,
            "--file", Scenario.IsvcPath, "--field", "storageUri=s3://models/fraud/v{{version}}", "--label", "model-promotion", .. extra]);

    [Fact]
    public async Task Opens_one_pull_request_and_never_prints_the_token()
    {
        var summary = work.File("summary.md");
        var first = await Promote("13", GitHubEnv(summary), "--report-json", "r.json");
        first.ExitCode.ShouldBe(0, first.Stderr);
        var second = await Promote("13", GitHubEnv(summary));
        second.ExitCode.ShouldBe(0, second.Stderr);
        second.Stderr.ShouldContain("no change needed");

        github.Pulls.ShouldHaveSingleItem().Labels.ShouldBe(["model-promotion"]);
        var report = JsonNode.Parse(File.ReadAllText(work.File("r.json")))!["details"]!["manifest-bump"]!;
        ((string?)report["branch"]).ShouldBe("promote/fraud/prod");
        ((int?)report["pullRequest"]!["number"]).ShouldBe(1);
        File.ReadAllText(summary).ShouldContain("```diff\n--- a/apps/fraud/prod/isvc.yaml");
        foreach (var text in new[] { first.Stdout, first.Stderr, second.Stdout, second.Stderr, File.ReadAllText(summary), File.ReadAllText(work.File("r.json")) })
        {
            text.ShouldNotContain(github.Token);
        }
    }

    [Fact]
    public async Task A_branch_that_keeps_moving_exits_5()
    {
        (await Promote("13", GitHubEnv())).ExitCode.ShouldBe(0);
        void Interfere(FakeGitStore git)
        {
            git.Commit("promote/fraud/prod", new Dictionary<string, string> { [$"notes/{git.Commits.Count}"] = "x" });
            github.BeforeNextRefUpdate = Interfere;
        }

        github.BeforeNextRefUpdate = Interfere;
        var run = await Promote("14", GitHubEnv(), "--max-attempts", "2");
        run.ExitCode.ShouldBe(ExitCodes.Conflict);
        run.Stderr.ShouldContain("conflict");
    }

    [Fact]
    public async Task A_missing_token_is_exit_2()
    {
        var run = await Promote("13", new Dictionary<string, string?> { ["GITHUB_API_URL"] = github.ApiUrl });
        run.ExitCode.ShouldBe(ExitCodes.UsageError);
        run.Stderr.ShouldContain("GITHUB_TOKEN");
    }

    [Fact]
    public async Task An_mlflow_alias_is_pinned_as_its_concrete_version()
    {
        using var mlflow = new FakeMlflow(new() { ["fraud@champion"] = ("17", "s3://mlflow/1/abc/artifacts/model") }, token: "mlf-secret");
        var env = new Dictionary<string, string?> { ["MLFLOW_TRACKING_URI"] = mlflow.Url.AbsoluteUri, ["MLFLOW_TRACKING_TOKEN"] = "mlf-secret" };
        work.Write(Scenario.IsvcPath, Scenario.Isvc);
        var run = await ToolRunner.RunAsync(work.Path, env, "--mlflow-alias", "fraud@champion", "--file", Scenario.IsvcPath, "--field", "storageUri={{source}}");
        run.ExitCode.ShouldBe(0, run.Stderr);
        run.Stderr.ShouldContain("MLflow fraud@champion is version 17");
        File.ReadAllText(work.File(Scenario.IsvcPath)).ShouldContain("storageUri: 's3://mlflow/1/abc/artifacts/model'");
        mlflow.Requests.ShouldHaveSingleItem().Query["alias"].ShouldBe("champion");
    }

    [Fact]
    public async Task An_unknown_mlflow_alias_is_exit_2_with_mlflows_reason()
    {
        using var mlflow = new FakeMlflow(new());
        work.Write(Scenario.IsvcPath, Scenario.Isvc);
        var run = await ToolRunner.RunAsync(work.Path, new Dictionary<string, string?> { ["MLFLOW_TRACKING_URI"] = mlflow.Url.AbsoluteUri },
            "--mlflow-alias", "fraud@champion", "--file", Scenario.IsvcPath, "--field", "storageUri=s3://m/v{{version}}");
        run.ExitCode.ShouldBe(ExitCodes.UsageError);
        run.Stderr.ShouldContain("MLflow has no alias 'champion' on registered model 'fraud'");
        File.ReadAllText(work.File(Scenario.IsvcPath)).ShouldBe(Scenario.Isvc);
    }
}
