using Gates.Cli.Tests.Hosts;
using Gates.Testing.Fakes;
using Gates.Testing.Http;

namespace Gates.Cli.Tests.Comments;

/// <summary>Transient API failures are retried with bounded waits (recorded here, never slept).</summary>
public sealed class CommentRetryTests : IDisposable
{
    private readonly CommentHarness harness = CommentHarness.ForGitHub();

    public void Dispose() => harness.Dispose();

    private static bool IsCreate(FakeRequest r) => r.Method == "POST";

    private static bool IsList(FakeRequest r) => r.Method == "GET" && r.Path.EndsWith("/comments", StringComparison.Ordinal);

    [Fact]
    public void Server_errors_are_retried_with_growing_waits()
    {
        harness.Server.FailNext(FakeResponse.Message(502, "Bad Gateway"), IsList);
        harness.Server.FailNext(FakeResponse.Message(503, "Service Unavailable"), IsList);

        harness.Publish(SampleReport.Failing()).ShouldBe(1);

        harness.Comments.ShouldHaveSingleItem();
        harness.Waits.ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)]);
        harness.Stderr.ShouldContain("PR comment created");
    }

    [Fact]
    public void Secondary_rate_limits_wait_as_long_as_retry_after_says()
    {
        harness.Server.FailNext(FakeResponse.Message(403, "You have exceeded a secondary rate limit", ("Retry-After", "7")), IsCreate);
        harness.Server.FailNext(FakeResponse.Message(429, "Too Many Requests", ("Retry-After", "3")), IsCreate);

        harness.Publish(SampleReport.Failing());

        harness.Comments.ShouldHaveSingleItem();
        harness.Waits.ShouldBe([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(3)]);
    }

    [Fact]
    public void A_plain_403_is_an_answer_and_is_not_retried()
    {
        harness.Server.FailNext(FakeResponse.Message(403, "Resource not accessible by integration"), IsCreate);

        harness.Publish(SampleReport.Failing());

        harness.Waits.ShouldBeEmpty();
        harness.Server.Requests.Count(IsCreate).ShouldBe(1);
        harness.Stderr.ShouldContain("may not write comments");
    }

    [Fact]
    public void Retries_stop_after_four_attempts_and_the_failure_is_reported_once()
    {
        for (var i = 0; i < 10; i++)
        {
            harness.Server.FailNext(FakeResponse.Message(500, "Server Error"), IsList);
        }

        harness.Publish(SampleReport.Failing()).ShouldBe(1);

        harness.Server.Requests.Count(IsList).ShouldBe(4);
        harness.Waits.Count.ShouldBe(3);
        harness.Stderr.Split('\n').Count(l => l.Contains("comment not posted")).ShouldBe(1);
        harness.Stderr.ShouldContain("the API kept failing (500: Server Error) after retrying");
    }

    [Fact]
    public void A_server_error_on_create_is_not_repeated_so_the_comment_is_never_posted_twice()
    {
        harness.Server.FailNext(FakeResponse.Message(500, "Server Error"), IsCreate);

        harness.Publish(SampleReport.Failing()).ShouldBe(1);

        harness.Server.Requests.Count(IsCreate).ShouldBe(1);
        harness.Waits.ShouldBeEmpty();
        harness.Stderr.ShouldContain("comment not posted");
    }

    [Fact]
    public void A_secondary_rate_limit_that_outlasts_the_retries_is_reported_as_such()
    {
        for (var i = 0; i < 4; i++)
        {
            harness.Server.FailNext(FakeResponse.Message(403, "You have exceeded a secondary rate limit", ("Retry-After", "5")), IsCreate);
        }

        harness.Publish(SampleReport.Failing()).ShouldBe(1);

        harness.Waits.ShouldBe([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)]);
        harness.Stderr.ShouldContain("kept rate-limiting");
        harness.Stderr.ShouldNotContain("pull-requests: write");
    }

    [Fact]
    public void A_retry_after_beyond_the_bound_is_not_waited_for()
    {
        harness.Server.FailNext(FakeResponse.Message(429, "Too Many Requests", ("Retry-After", "3600")), IsCreate);

        harness.Publish(SampleReport.Failing());

        harness.Waits.ShouldBeEmpty();
        harness.Comments.ShouldBeEmpty();
        harness.Stderr.ShouldContain("429");
    }
}
