using Gates.Cli.Comments;
using Gates.Cli.Tests.Hosts;
using Gates.Core.Results;
using Gates.Testing.Fakes;
using Gates.Testing.Http;

namespace Gates.Cli.Tests.Comments;

/// <summary>Sticky comments on a GitHub pull request, through the same publishing path every tool uses.</summary>
public sealed class GitHubStickyCommentTests : IDisposable
{
    private const string Marker = "<!-- gates:eval-gate:support-bot -->";
    private readonly CommentHarness harness = CommentHarness.ForGitHub();

    public void Dispose() => harness.Dispose();

    [Fact]
    public void Ten_reruns_leave_exactly_one_comment_updated_in_place()
    {
        for (var run = 0; run < 10; run++)
        {
            var report = SampleReport.Failing() with { Summary = $"run {run}" };
            harness.Publish(report).ShouldBe(ExitCodes.GateFailed);
        }

        var comment = harness.Comments.ShouldHaveSingleItem();
        comment.Body.ShouldContain("run 9");
        comment.Body.ShouldEndWith(Marker);
        harness.Server.Requests.Count(r => r.Method == "POST").ShouldBe(1);
        harness.Server.Requests.Count(r => r.Method == "PATCH").ShouldBe(9);
    }

    [Fact]
    public void A_pull_request_with_150_earlier_comments_gets_its_comment_updated_not_duplicated()
    {
        for (var i = 0; i < 75; i++)
        {
            harness.GitHub!.Add(CommentHarness.Repo, CommentHarness.Pr, "reviewer", $"review {i}");
        }

        harness.Publish(SampleReport.Failing()).ShouldBe(1);
        for (var i = 0; i < 75; i++)
        {
            harness.GitHub!.Add(CommentHarness.Repo, CommentHarness.Pr, "dependabot[bot]", $"bump {i}", isBot: true);
        }

        harness.Publish(SampleReport.Failing() with { Summary = "second push" });

        harness.Comments.Count().ShouldBe(151);
        harness.Comments.Where(c => c.Body.Contains(Marker)).ShouldHaveSingleItem().Body.ShouldContain("second push");
        harness.Server.Requests.ShouldContain(r => r.Method == "GET" && r.Query.GetValueOrDefault("page") == "2");
        harness.Outputs.ShouldContain("comment-status<<");
        harness.Outputs.ShouldContain("\nupdated\n");
    }

    [Fact]
    public void A_person_pasting_the_marker_does_not_capture_the_comment()
    {
        var pasted = harness.GitHub!.Add(CommentHarness.Repo, CommentHarness.Pr, "mallory", "look: " + Marker);

        harness.Publish(SampleReport.Failing());

        pasted.Body.ShouldBe("look: " + Marker);
        harness.Comments.Count(c => c.Body.Contains(Marker)).ShouldBe(2);
        harness.Comments.Single(c => c.Login == "github-actions[bot]").Body.ShouldContain("hallucination");
    }

    [Fact]
    public void A_personal_token_matches_its_own_login_only()
    {
        using var personal = CommentHarness.ForGitHub(new FakeAccount("release-bot", IsBot: false));
        var otherBot = personal.GitHub!.Add(CommentHarness.Repo, CommentHarness.Pr, "other-app[bot]", "old " + Marker, isBot: true);

        personal.Publish(SampleReport.Failing());
        personal.Publish(SampleReport.Failing() with { Summary = "again" });

        otherBot.Body.ShouldBe("old " + Marker);
        personal.Comments.Single(c => c.Login == "release-bot").Body.ShouldContain("again");
    }

    [Fact]
    public void With_github_token_another_bots_comment_carrying_the_marker_is_not_taken_over()
    {
        var otherBot = harness.GitHub!.Add(CommentHarness.Repo, CommentHarness.Pr, "other-app[bot]", "theirs\n" + Marker, isBot: true);

        harness.Publish(SampleReport.Failing()).ShouldBe(ExitCodes.GateFailed);
        harness.Publish(SampleReport.Failing() with { Summary = "again" }).ShouldBe(ExitCodes.GateFailed);

        otherBot.Body.ShouldBe("theirs\n" + Marker);
        harness.GitHub.Comments.ShouldContain(otherBot);
        harness.Comments.Single(c => c.Login == "github-actions[bot]").Body.ShouldContain("again");
        harness.Server.Requests.ShouldNotContain(r => r.RawPath.EndsWith($"/issues/comments/{otherBot.Id}", StringComparison.Ordinal));
    }

    [Fact]
    public void Keys_and_tools_keep_separate_comments()
    {
        harness.Publish(SampleReport.Failing(), new CommonSettings { CommentKey = "nightly" });
        harness.Publish(SampleReport.Failing(), new CommonSettings { CommentKey = "release" });
        harness.Publish(SampleReport.Failing() with { Tool = new ToolInfo("drift-check", "0.1.0") });
        harness.Publish(SampleReport.Failing(), new CommonSettings { CommentKey = "nightly" });

        harness.Comments.Select(c => c.Body[(c.Body.LastIndexOf('\n') + 1)..]).Order().ShouldBe(
        [
            "<!-- gates:drift-check:support-bot -->",
            "<!-- gates:eval-gate:nightly -->",
            "<!-- gates:eval-gate:release -->",
        ]);
    }

    [Fact]
    public void An_unchanged_report_is_not_edited_again()
    {
        harness.Publish(SampleReport.Failing());
        harness.Publish(SampleReport.Failing());

        harness.Server.Requests.Count(r => r.Method is "POST" or "PATCH").ShouldBe(1);
        harness.Stderr.ShouldContain("PR comment unchanged on acme/models#12");
    }

    [Fact]
    public void Recreate_mode_deletes_and_posts_anew()
    {
        harness.Publish(SampleReport.Failing());
        var first = harness.Comments.Single().Id;

        harness.Publish(SampleReport.Failing(), new CommonSettings { CommentMode = CommentMode.Recreate });

        harness.Comments.ShouldHaveSingleItem().Id.ShouldNotBe(first);
        harness.Server.Requests.Count(r => r.Method == "DELETE").ShouldBe(1);
    }

    [Fact]
    public void Duplicates_left_by_concurrent_runs_collapse_into_the_oldest()
    {
        var oldest = harness.GitHub!.Add(CommentHarness.Repo, CommentHarness.Pr, "github-actions[bot]", "a\n" + Marker, isBot: true);
        harness.GitHub.Add(CommentHarness.Repo, CommentHarness.Pr, "github-actions[bot]", "b\n" + Marker, isBot: true);

        harness.Publish(SampleReport.Failing());

        harness.Comments.ShouldHaveSingleItem().Id.ShouldBe(oldest.Id);
        oldest.Body.ShouldContain("hallucination");
    }

    [Fact]
    public void Off_posts_nothing()
    {
        harness.Publish(SampleReport.Failing(), new CommonSettings { PrComment = PrCommentMode.Off });
        harness.Publish(SampleReport.Failing(), new CommonSettings { CommentMode = CommentMode.Off });

        harness.Server.Requests.ShouldBeEmpty();
        harness.Outputs.ShouldNotContain("comment-status");
    }

    [Fact]
    public void The_pr_number_flag_wins_over_the_event()
    {
        harness.Publish(SampleReport.Failing(), new CommonSettings { PrNumber = 99 });

        harness.GitHub!.On(CommentHarness.Repo, 99).ShouldHaveSingleItem();
        harness.Comments.ShouldBeEmpty();
    }

    [Fact]
    public void The_comment_links_to_the_run()
    {
        harness.Publish(SampleReport.Failing());

        harness.Comments.Single().Body.ShouldContain("(https://github.example/acme/models/actions/runs/987)");
    }
}
