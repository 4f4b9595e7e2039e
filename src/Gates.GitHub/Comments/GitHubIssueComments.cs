using Octokit;
using Octokit.Internal;

namespace Gates.GitHub.Comments;

/// <summary>
/// The comments of one pull request through Octokit's REST client (pull-request conversations are issue
/// comments). Listing follows every page (100 per page, by the <c>Link</c> headers), so a comment is found
/// however long the conversation is. The HTTP handler is given, so callers add retries and tests use local servers.
/// </summary>
public sealed class GitHubIssueComments
{
    private const int PageSize = 100;
    private readonly GitHubClient client;
    private readonly GitHubThreadAddress address;

    public GitHubIssueComments(GitHubThreadAddress address, string token, Func<HttpMessageHandler> handler, string userAgentVersion = "1.0")
    {
        this.address = address;
        var connection = new Connection(
            new ProductHeaderValue("gates", userAgentVersion),
            address.ApiUrl,
            new InMemoryCredentialStore(new Credentials(token)),
            new HttpClientAdapter(handler),
            new SimpleJsonSerializer());
        client = new GitHubClient(connection);
    }

    /// <summary>
    /// The login the token acts as, or null when the token cannot say: GitHub Actions' GITHUB_TOKEN and other
    /// app installation tokens get 403 from <c>GET /user</c>; their comments are written by a bot account.
    /// </summary>
    public Task<string?> CurrentLoginAsync() => Call<string?>(async () =>
    {
        try
        {
            return (await client.User.Current()).Login;
        }
        catch (ApiException e) when (e.StatusCode is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.NotFound
            && e is not RateLimitExceededException and not SecondaryRateLimitExceededException)
        {
            return null;
        }
    });

    public Task<IReadOnlyList<GitHubComment>> ListAsync() => Call<IReadOnlyList<GitHubComment>>(async () =>
    {
        var comments = await client.Issue.Comment.GetAllForIssue(address.Owner, address.Repository, address.Number,
            new ApiOptions { PageSize = PageSize });
        return [.. comments.Select(ToComment)];
    });

    public Task<GitHubComment> CreateAsync(string body) => Call(async () =>
        ToComment(await client.Issue.Comment.Create(address.Owner, address.Repository, address.Number, body)));

    public Task<GitHubComment> UpdateAsync(long id, string body) => Call(async () =>
        ToComment(await client.Issue.Comment.Update(address.Owner, address.Repository, id, body)));

    public Task DeleteAsync(long id) => Call(async () =>
    {
        await client.Issue.Comment.Delete(address.Owner, address.Repository, id);
        return true;
    });

    private static GitHubComment ToComment(IssueComment comment) => new(
        comment.Id,
        comment.User?.Login ?? "",
        comment.User?.Type == AccountType.Bot,
        comment.Body ?? "",
        comment.HtmlUrl);

    private static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ApiException e)
        {
            var message = e.ApiError?.Message is { Length: > 0 } m ? m : e.Message;
            var errors = e.ApiError?.Errors?.Select(x => x.Message).Where(x => !string.IsNullOrEmpty(x)).ToList() ?? [];
            var detail = errors.Count > 0 ? $"{message} ({string.Join("; ", errors)})" : message;
            throw new GitHubApiException((int)e.StatusCode, detail, e);
        }
        catch (HttpRequestException e)
        {
            throw new GitHubApiException(0, $"no response from GitHub: {e.Message}", e);
        }
        catch (TaskCanceledException e)
        {
            throw new GitHubApiException(0, "GitHub did not answer in time", e);
        }
    }
}
