using System.Text;
using Gates.ManifestBump.Tests.Promotion;
using Gates.Testing;
using Gates.Testing.Fakes;
using Gates.Testing.Permissions;
using Gates.Testing.Tools;

namespace Gates.ManifestBump.Tests.Command;

/// <summary>
/// manifest-bump needs exactly the permissions docs/permissions.md gives it, on GitHub and on GitLab (a first run
/// opens the pull request, a second updates it), and its tokens never reach an output, a report, a summary, a
/// pull-request body, a commit or the log.
/// </summary>
public sealed class PermissionsTests : IDisposable
{
    private const string GitHubToken = "ghs_bump_token_0123456789";
    private const string GitLabToken = "glpat-bump-token-0123456789";
    private readonly TempFolder work = new();

    public void Dispose() => work.Dispose();

    [Fact]
    public async Task On_github_every_request_is_allowed_by_the_documented_permissions_and_every_permission_is_used()
    {
        using var github = new FakeGitHub(token: GitHubToken);
        github.Git.Commit("main", Scenario.Files, "initial");
        var env = new Dictionary<string, string?>
        {
            ["GITHUB_TOKEN"] = GitHubToken, ["GITHUB_API_URL"] = github.ApiUrl, ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = work.File("summary.md"),
        };

        var runs = new[]
        {
            await Promote(env, "--github", $"{github.Owner}/{github.Repo}", "13"),
            await Promote(env, "--github", $"{github.Owner}/{github.Repo}", "14"),
        };

        runs.ShouldAllBe(r => r.ExitCode == 0);
        var granted = DocumentedPermissions.GitHub("manifest-bump");
        GitHubPermissions.Refused(github.Requests, granted).ShouldBeEmpty();
        GitHubPermissions.Unused(github.Requests, granted).ShouldBeEmpty();
        var pull = github.Pulls.ShouldHaveSingleItem();
        var commits = github.Git.Commits.Values.Select(c => c.Message);
        var files = github.Git.Blobs.Values.Select(b => Encoding.UTF8.GetString(b));
        NoTokenIn(GitHubToken, [.. Texts(runs), pull.Title, pull.Body, .. commits, .. files]);
    }

    [Fact]
    public async Task On_gitlab_every_request_is_allowed_by_the_documented_scope_and_role_and_no_less_would_do()
    {
        using var gitlab = new FakeGitLab(token: GitLabToken);
        gitlab.Git.Commit("main", Scenario.Files, "initial");
        var env = new Dictionary<string, string?> { ["GITLAB_TOKEN"] = GitLabToken, ["GITLAB_API_URL"] = gitlab.ApiUrl };

        var runs = new[]
        {
            await Promote(env, "--gitlab", gitlab.Project, "13"),
            await Promote(env, "--gitlab", gitlab.Project, "14"),
        };

        runs.ShouldAllBe(r => r.ExitCode == 0);
        var (scopes, role) = DocumentedPermissions.GitLab("manifest-bump");
        gitlab.Requests.ShouldAllBe(r => GitLabPermissions.Allows(r, scopes, role));
        var least = GitLabPermissions.Least(gitlab.Requests);
        least.Scopes.ShouldBe(scopes, ignoreOrder: true);
        least.Role.ShouldBe(role);
        var request = gitlab.MergeRequests.ShouldHaveSingleItem();
        NoTokenIn(GitLabToken, [.. Texts(runs), request.Title, request.Description, .. gitlab.Git.Commits.Values.Select(c => c.Message)]);
    }

    private IEnumerable<string> Texts(IEnumerable<RunResult> runs)
    {
        foreach (var run in runs)
        {
            yield return run.Stdout;
            yield return run.Stderr;
        }

        foreach (var file in Directory.GetFiles(work.Path, "*", SearchOption.AllDirectories))
        {
            yield return File.ReadAllText(file);
        }
    }

    private static void NoTokenIn(string token, IReadOnlyList<string?> texts)
    {
        texts.Count.ShouldBeGreaterThan(4);
        texts.Where(t => t is not null && t.Contains(token, StringComparison.Ordinal)).ShouldBeEmpty();
    }

    private Task<RunResult> Promote(Dictionary<string, string?> env, string hostFlag, string project, string version) =>
        ToolRunner.RunAsync(work.Path, env, [
            hostFlag, project, "--model", "fraud", "--environment", "prod", "--model-version", version,
            "--file", Scenario.IsvcPath, "--field", "storageUri=s3://models/fraud/v{{version}}", "--label", "model-promotion", "--report-json", "r.json"]);
}
