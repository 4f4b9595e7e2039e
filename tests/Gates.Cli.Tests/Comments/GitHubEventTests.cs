using Gates.Cli.Comments;

namespace Gates.Cli.Tests.Comments;

public class GitHubEventTests
{
    [Fact]
    public void Pull_request_events_give_the_number_and_whether_the_head_is_a_fork()
    {
        GitHubEvent.Parse(CommentHarness.PullRequestEvent(5)).ShouldBe(new GitHubEvent(5, false));
        GitHubEvent.Parse(CommentHarness.PullRequestEvent(6, head: "someone/fork")).ShouldBe(new GitHubEvent(6, true));
    }

    [Fact]
    public void Comments_on_pull_requests_and_workflow_runs_give_the_number()
    {
        GitHubEvent.Parse("""{"issue":{"number":8,"pull_request":{"url":"x"}}}""").PullRequestNumber.ShouldBe(8);
        GitHubEvent.Parse("""{"issue":{"number":9}}""").PullRequestNumber.ShouldBeNull();
        GitHubEvent.Parse("""{"workflow_run":{"pull_requests":[{"number":10}]}}""").PullRequestNumber.ShouldBe(10);
    }

    [Theory]
    [InlineData("""{"ref":"refs/heads/main"}""")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"pull_request":{"number":"12"}}""")]
    public void Anything_else_is_no_pull_request(string json)
    {
        GitHubEvent.Parse(json).PullRequestNumber.ShouldBeNull();
    }
}
