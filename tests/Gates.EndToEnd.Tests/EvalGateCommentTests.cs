using System.Text.Json.Nodes;
using Gates.Testing;
using Gates.Testing.Fakes;
using Gates.Testing.Tools;

namespace Gates.EndToEnd.Tests;

/// <summary>
/// The installed eval-gate (on linux-x64 the Native AOT package) posts its sticky comment on a pull request of a local
/// fake GitHub and on a merge request of a local fake GitLab, and updates it in place on the next run.
/// </summary>
[Collection(nameof(ToolsCollection))]
public sealed class EvalGateCommentTests(InstalledTools tools) : IDisposable
{
    private const string Repo = "acme/models";
    private const string GitHubToken = "ghs_e2e_token";
    private const string GitLabToken = "glpat-e2e-token";
    private readonly TempFolder folder = new();

    [Fact]
    public void Installed_tool_on_linux_x64_is_a_native_executable()
    {
        var store = Path.Combine(tools.ToolPath, ".store", "gates.evalgate");
        Directory.GetFiles(store, "eval-gate.dll", SearchOption.AllDirectories).ShouldBeEmpty();
        var native = Directory.GetFiles(store, "eval-gate", SearchOption.AllDirectories).ShouldHaveSingleItem();
        File.ReadAllBytes(native)[..4].ShouldBe(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' });
    }

    [Fact]
    public void Installed_tool_posts_and_then_updates_its_sticky_github_comment()
    {
        using var github = new FakeGitHub().WithRepository(Repo).WithToken(GitHubToken, FakeAccount.ActionsToken);
        var env = new Dictionary<string, string?>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_REPOSITORY"] = Repo,
            ["GITHUB_API_URL"] = github.ApiUrl,
            ["GITHUB_TOKEN"] = GitHubToken,
            ["GITHUB_EVENT_NAME"] = "pull_request",
            ["GITHUB_EVENT_PATH"] = folder.Write("event.json", PullRequestEvent(12)),
            ["GITHUB_SERVER_URL"] = "https://github.example",
            ["GITHUB_RUN_ID"] = "987",
            ["GITHUB_STEP_SUMMARY"] = folder.Write("summary.md", ""),
            ["GITHUB_OUTPUT"] = folder.Write("output.txt", ""),
        };

        Gate("fail.json", "github", env).ShouldExit(1);
        var posted = github.On(Repo, 12).ShouldHaveSingleItem();
        posted.Body.ShouldContain("eval-gate");
        posted.Body.ShouldContain("FAIL");
        Gate("pass.json", "github", env).ShouldExit(0);

        var updated = github.On(Repo, 12).ShouldHaveSingleItem();
        updated.Id.ShouldBe(posted.Id);
        updated.Body.ShouldContain("PASS");
        github.Requests.Count(r => r.Method == "PATCH").ShouldBe(1);
    }

    [Fact]
    public void Installed_tool_posts_and_then_updates_its_sticky_gitlab_note()
    {
        using var gitlab = new FakeGitLab().WithProject("42").WithToken(GitLabToken, new FakeGitLabUser(77, "project_42_bot"));
        var env = new Dictionary<string, string?>
        {
            ["GITLAB_CI"] = "true",
            ["CI_API_V4_URL"] = gitlab.ApiUrl,
            ["CI_PROJECT_ID"] = "42",
            ["CI_MERGE_REQUEST_IID"] = "3",
            ["GITLAB_TOKEN"] = GitLabToken,
            ["CI_PIPELINE_URL"] = "https://gitlab.example/acme/models/-/pipelines/55",
        };

        Gate("fail.json", "gitlab", env).ShouldExit(1);
        var posted = gitlab.On("42", 3).ShouldHaveSingleItem();
        posted.Body.ShouldContain("FAIL");
        Gate("pass.json", "gitlab", env).ShouldExit(0);

        var updated = gitlab.On("42", 3).ShouldHaveSingleItem();
        updated.Id.ShouldBe(posted.Id);
        updated.Body.ShouldContain("PASS");
        gitlab.Requests.Count(r => r.Method == "PUT").ShouldBe(1);
    }

    public void Dispose() => folder.Dispose();

    private RunResult Gate(string sample, string ci, Dictionary<string, string?> env) =>
        tools.RunTool("eval-gate",
            ["-r", RepositoryPaths.Of("samples", "eval", sample), "-t", RepositoryPaths.Of("thresholds", "quality.yaml"), "--ci", ci, "--pr-comment", "required"],
            folder.Path, env);

    private static string PullRequestEvent(int number) => new JsonObject
    {
        ["action"] = "synchronize",
        ["number"] = number,
        ["pull_request"] = new JsonObject
        {
            ["number"] = number,
            ["head"] = new JsonObject { ["repo"] = new JsonObject { ["full_name"] = Repo } },
            ["base"] = new JsonObject { ["repo"] = new JsonObject { ["full_name"] = Repo } },
        },
    }.ToJsonString();
}
