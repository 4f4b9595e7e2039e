using Gates.GitHub.Comments;

namespace Gates.Cli.Comments;

/// <summary>
/// A GitHub pull request's conversation. Our own comments are those by the token's login (<c>GET /user</c>).
/// GITHUB_TOKEN cannot read <c>/user</c>; its comments are written by <c>github-actions[bot]</c>, so then our own
/// comments are that bot's ones: another app's bot or a person pasting the marker is never taken over.
/// </summary>
internal sealed class GitHubThread(GitHubIssueComments api, string description) : ICommentThread
{
    /// <summary>GitHub's limit for comment bodies, from its 422 "Body is too long (maximum is 65536 characters)".</summary>
    public const int Limit = 65_536;

    private bool identityKnown;
    private string? login;

    public string Description { get; } = description;

    public int MaxBodyLength => Limit;

    public Task<IReadOnlyList<ThreadComment>> ListOwnAsync(CancellationToken ct) => Call<IReadOnlyList<ThreadComment>>(ct, async () =>
    {
        if (!identityKnown)
        {
            login = await api.CurrentLoginAsync();
            identityKnown = true;
        }

        var all = await api.ListAsync();
        return [.. all.Where(IsOurs).Select(ToThread)];
    });

    public Task<ThreadComment> CreateAsync(string body, CancellationToken ct) => Call(ct, async () => ToThread(await api.CreateAsync(body)));

    public Task<ThreadComment> UpdateAsync(long id, string body, CancellationToken ct) => Call(ct, async () => ToThread(await api.UpdateAsync(id, body)));

    public Task DeleteAsync(long id, CancellationToken ct) => Call(ct, async () =>
    {
        await api.DeleteAsync(id);
        return true;
    });

    /// <summary>The account GitHub Actions' GITHUB_TOKEN writes as.</summary>
    public const string ActionsBot = "github-actions[bot]";

    private bool IsOurs(GitHubComment comment) => login is null
        ? comment.AuthorIsBot && string.Equals(comment.AuthorLogin, ActionsBot, StringComparison.OrdinalIgnoreCase)
        : string.Equals(comment.AuthorLogin, login, StringComparison.OrdinalIgnoreCase);

    private static ThreadComment ToThread(GitHubComment comment) => new(comment.Id, comment.Body, comment.Url);

    /// <summary>The comment client's calls take no cancellation token, so a cancelled run stops before each call instead.</summary>
    private static async Task<T> Call<T>(CancellationToken ct, Func<Task<T>> call)
    {
        ct.ThrowIfCancellationRequested();
        try
        {
            return await call();
        }
        catch (GitHubApiException e)
        {
            throw new CommentApiException(e.StatusCode, e.Message, e);
        }
    }
}
