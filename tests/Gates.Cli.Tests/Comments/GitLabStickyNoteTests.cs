using Gates.Cli.Tests.Hosts;
using Gates.Testing.Fakes;
using Gates.Testing.Http;

namespace Gates.Cli.Tests.Comments;

/// <summary>Sticky notes on a GitLab merge request, through the same publishing path every tool uses.</summary>
public sealed class GitLabStickyNoteTests : IDisposable
{
    private readonly CommentHarness harness = CommentHarness.ForGitLab();

    public void Dispose() => harness.Dispose();

    [Fact]
    public void Ten_reruns_leave_exactly_one_note()
    {
        for (var run = 0; run < 10; run++)
        {
            harness.Publish(SampleReport.Failing() with { Summary = $"run {run}" }).ShouldBe(1);
        }

        harness.Notes.ShouldHaveSingleItem().Body.ShouldContain("run 9");
        harness.Server.Requests.Count(r => r.Method == "PUT").ShouldBe(9);
    }

    [Fact]
    public void Long_merge_requests_with_other_peoples_notes_still_find_ours()
    {
        var someone = new FakeGitLabUser(5, "someone");
        for (var i = 0; i < 150; i++)
        {
            harness.GitLab!.Add("42", 3, someone, $"note {i}", system: i % 7 == 0);
        }

        harness.Publish(SampleReport.Failing());
        harness.GitLab!.Add("42", 3, someone, "pasted <!-- gates:eval-gate:support-bot -->");
        harness.Publish(SampleReport.Failing() with { Summary = "second" });

        harness.Notes.Where(n => n.Author.Id == 77).ShouldHaveSingleItem().Body.ShouldContain("second");
        harness.Notes.Single(n => n.Body.StartsWith("pasted")).Body.ShouldNotContain("second");
        harness.Stderr.ShouldContain("MR note updated on 42!3");
    }

    [Fact]
    public void A_reporter_less_token_is_reported_and_the_exit_code_kept()
    {
        using var reader = CommentHarness.ForGitLab(new FakeGitLabUser(78, "reader", CanWrite: false));

        reader.Publish(SampleReport.Failing()).ShouldBe(1);

        reader.Stderr.ShouldContain("eval-gate: warning: MR note not posted on 42!3");
        reader.Stderr.ShouldContain("api scope and at least the Reporter role");
        reader.Stderr.ShouldNotContain(CommentHarness.GitLabToken);
    }

    [Fact]
    public void Without_a_token_the_job_token_limitation_is_explained()
    {
        harness.Variables.Remove("GITLAB_TOKEN");
        harness.Variables["CI_JOB_TOKEN"] = "job-token-value";

        harness.Publish(SampleReport.Failing()).ShouldBe(1);

        harness.Server.Requests.ShouldBeEmpty();
        harness.Stderr.ShouldContain("CI_JOB_TOKEN cannot post merge-request notes");
        harness.Stderr.ShouldNotContain("job-token-value");
    }

    [Fact]
    public void Branch_pipelines_without_a_merge_request_post_nothing_and_say_nothing()
    {
        harness.Variables.Remove("CI_MERGE_REQUEST_IID");

        harness.Publish(SampleReport.Failing()).ShouldBe(1);

        harness.Server.Requests.ShouldBeEmpty();
        harness.Stderr.ShouldNotContain("note");
    }
}
