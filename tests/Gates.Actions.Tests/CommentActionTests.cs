using System.Text.Json.Nodes;
using Gates.Actions.Tests.Runner;
using Gates.Testing;
using Gates.Testing.Fakes;
using Gates.Testing.Http;

namespace Gates.Actions.Tests;

/// <summary>
/// The sticky pull-request comment through an action: the default github-token input reaches the tool, and the
/// comment-status and comment-url outputs come back. GitHub is played by a fake API on 127.0.0.1.
/// </summary>
[Collection(nameof(ToolsJobCollection))]
public class CommentActionTests(ToolsJob tools)
{
    private const string Repository = "gates-dev/gates";

    private static SimulatedJob PullRequestJob(FakeGitHub github, TempFolder folder, string headRepository)
    {
        var repo = (string name) => new JsonObject { ["repo"] = new JsonObject { ["full_name"] = name } };
        var pullRequest = new JsonObject { ["number"] = 7, ["head"] = repo(headRepository), ["base"] = repo(Repository) };
        var payload = folder.Write("event.json", new JsonObject { ["pull_request"] = pullRequest }.ToJsonString());
        return new SimulatedJob(RepositoryPaths.Root, new Dictionary<string, string>
        {
            ["GITHUB_EVENT_NAME"] = "pull_request",
            ["GITHUB_EVENT_PATH"] = payload,
            ["GITHUB_API_URL"] = github.ApiUrl,
        });
    }

    private ActionRun Run(SimulatedJob job) => job.Run(ToolsJob.ActionPath("actions", "eval-gate"), new Dictionary<string, string>
    {
        ["results"] = "samples/eval/fail.json",
        ["thresholds"] = "thresholds/quality.yaml",
        ["install"] = "feed",
        ["version"] = tools.Setup.Output("version"),
        ["nuget-source"] = Path.Combine(tools.Job.RunnerTemp, "gates", "packages"),
    });

    [Fact]
    public void In_a_pull_request_the_action_posts_one_sticky_comment_and_reports_it()
    {
        using var github = new FakeGitHub().WithRepository(Repository).WithToken("ghs_simulated_token", FakeAccount.ActionsToken);
        using var folder = new TempFolder();
        using var nuget = new TempFolder();
        using var job = PullRequestJob(github, folder, Repository);
        job.AddEnv("NUGET_PACKAGES", nuget.Path);

        var first = Run(job);
        var second = Run(job);

        first.ShouldExitWith(1);
        first.Output("comment-status").ShouldBe("created");
        first.Output("comment-url").ShouldNotBeNullOrEmpty();
        second.Output("comment-status").ShouldBeOneOf("updated", "unchanged");
        var comment = github.On(Repository, 7).ShouldHaveSingleItem();
        comment.Body.ShouldContain("<!-- gates:eval-gate:");
        comment.Body.ShouldContain("FAIL");
    }

    [Fact]
    public void A_fork_pull_request_skips_the_comment_and_keeps_the_verdict()
    {
        using var github = new FakeGitHub().WithRepository(Repository).WithToken("ghs_simulated_token", FakeAccount.ReadOnlyActionsToken);
        using var folder = new TempFolder();
        using var nuget = new TempFolder();
        using var job = PullRequestJob(github, folder, "someone/gates");
        job.AddEnv("NUGET_PACKAGES", nuget.Path);

        var run = Run(job);

        run.ShouldExitWith(1);
        run.Output("verdict").ShouldBe("fail");
        run.Output("comment-status").ShouldBe("skipped-fork");
        github.Comments.ShouldBeEmpty();
    }
}
