using Gates.Cli.Tests.Hosts;
using Gates.Testing.Fakes;
using Gates.Testing.Http;

namespace Gates.Cli.Tests.Comments;

/// <summary>When a comment cannot be posted: one clear message, the step summary still written, the verdict's exit code kept.</summary>
public sealed class CommentFallbackTests
{
    [Fact]
    public void A_read_only_token_falls_back_to_the_summary_with_one_message_naming_the_permission()
    {
        using var harness = CommentHarness.ForGitHub(FakeAccount.ReadOnlyActionsToken);

        harness.Publish(SampleReport.Failing()).ShouldBe(ExitCodes.GateFailed);

        var warnings = harness.Stderr.Split('\n').Where(l => l.Contains("comment not posted")).ToList();
        warnings.ShouldHaveSingleItem().ShouldStartWith("::warning title=eval-gate%3A comment not posted::PR comment not posted on acme/models#12");
        warnings[0].ShouldContain("permissions: pull-requests: write");
        warnings[0].ShouldContain("Resource not accessible by integration");
        warnings[0].ShouldContain("The report is in the step summary.");
        harness.Summary.ShouldContain("eval-gate: FAIL");
        harness.Outputs.ShouldContain("\nfailed\n");
    }

    [Fact]
    public void Required_turns_a_failed_post_into_exit_3()
    {
        using var harness = CommentHarness.ForGitHub(FakeAccount.ReadOnlyActionsToken);

        var code = harness.Publish(SampleReport.Failing() with { Verdict = Core.Results.Verdict.Pass }, new CommonSettings { PrComment = PrCommentMode.Required });

        code.ShouldBe(ExitCodes.RuntimeError);
        harness.Stderr.ShouldContain("(--pr-comment required: exit 3)");
    }

    [Fact]
    public void Required_is_satisfied_by_a_posted_comment()
    {
        using var harness = CommentHarness.ForGitHub();

        harness.Publish(SampleReport.Failing() with { Verdict = Core.Results.Verdict.Pass }, new CommonSettings { PrComment = PrCommentMode.Required })
            .ShouldBe(ExitCodes.Passed);
        harness.Comments.ShouldHaveSingleItem();
    }

    [Fact]
    public void A_missing_token_says_how_to_pass_one()
    {
        using var harness = CommentHarness.ForGitHub();
        harness.Variables.Remove("GITHUB_TOKEN");

        harness.Publish(SampleReport.Failing()).ShouldBe(1);

        harness.Server.Requests.ShouldBeEmpty();
        harness.Stderr.ShouldContain("no token");
        harness.Stderr.ShouldContain("GITHUB_TOKEN: ${{ github.token }}");
        harness.Outputs.ShouldContain("\nskipped-no-token\n");
    }

    [Fact]
    public void Fork_pull_requests_are_skipped_without_calling_the_api()
    {
        using var harness = CommentHarness.ForGitHub(eventJson: CommentHarness.PullRequestEvent(12, head: "someone/models"));

        harness.Publish(SampleReport.Failing()).ShouldBe(1);

        harness.Server.Requests.ShouldBeEmpty();
        harness.Stderr.ShouldContain("comes from a fork");
        harness.Stderr.ShouldContain("workflow_run");
        harness.Outputs.ShouldContain("\nskipped-fork\n");
    }

    [Fact]
    public void Outside_a_pull_request_nothing_is_posted_or_said()
    {
        using var harness = CommentHarness.ForGitHub(eventJson: """{"ref":"refs/heads/main","head_commit":{"id":"abc"}}""");

        harness.Publish(SampleReport.Failing()).ShouldBe(1);

        harness.Server.Requests.ShouldBeEmpty();
        harness.Stderr.ShouldNotContain("comment");
        harness.Outputs.ShouldContain("\nskipped-no-pr\n");
    }

    [Fact]
    public void Local_runs_never_look_for_a_pull_request()
    {
        using var harness = CommentHarness.ForGitHub();
        harness.Variables.Remove("GITHUB_ACTIONS");

        harness.Publish(SampleReport.Failing()).ShouldBe(1);

        harness.Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_repository_is_explained_as_not_found()
    {
        using var harness = CommentHarness.ForGitHub();
        harness.Variables["GITHUB_REPOSITORY"] = "acme/elsewhere";

        harness.Publish(SampleReport.Failing()).ShouldBe(1);

        harness.Stderr.ShouldContain("PR comment not posted on acme/elsewhere#12: it was not found, or the token cannot see it (404");
    }

    [Fact]
    public void Tokens_never_appear_in_any_output()
    {
        foreach (var account in new[] { FakeAccount.ActionsToken, FakeAccount.ReadOnlyActionsToken })
        {
            using var harness = CommentHarness.ForGitHub(account);
            for (var i = 0; i < 4; i++)
            {
                harness.Server.FailNext(FakeResponse.Message(502, $"proxy echoed {CommentHarness.GitHubToken}"));
            }

            harness.Publish(SampleReport.Failing(), new CommonSettings { Verbose = true });
            harness.Stderr.ShouldContain("proxy echoed ***");
            harness.Variables["GITHUB_API_URL"] = "http://127.0.0.1:1";
            harness.Publish(SampleReport.Failing(), new CommonSettings { Verbose = true });

            foreach (var text in new[] { harness.Stdout, harness.Stderr, harness.Outputs, harness.Summary })
            {
                text.ShouldNotContain(CommentHarness.GitHubToken);
            }

            harness.Server.Requests.ShouldAllBe(r => !r.PathAndQuery.Contains(CommentHarness.GitHubToken) && !r.Body.Contains(CommentHarness.GitHubToken));
        }
    }
}
