namespace Gates.Cli.Comments;

/// <summary>
/// The conversation of one pull request (GitHub) or merge request (GitLab), seen by the token's own account.
/// Implementations throw <see cref="CommentApiException"/> for every failed call.
/// </summary>
public interface ICommentThread
{
    /// <summary>"pull request owner/repo#12", for messages.</summary>
    string Description { get; }

    /// <summary>The platform's largest comment body, in characters (UTF-16 code units).</summary>
    int MaxBodyLength { get; }

    /// <summary>Every comment written by the account the token acts as, oldest first, across all pages.</summary>
    Task<IReadOnlyList<ThreadComment>> ListOwnAsync(CancellationToken ct);

    Task<ThreadComment> CreateAsync(string body, CancellationToken ct);

    Task<ThreadComment> UpdateAsync(long id, string body, CancellationToken ct);

    Task DeleteAsync(long id, CancellationToken ct);
}

/// <summary>A comment of our own account: its id, body and web address when the platform gives one.</summary>
public sealed record ThreadComment(long Id, string Body, string? Url);

/// <summary>A failed API call: HTTP status (0 when there was no response) and the platform's message, token-free.</summary>
public sealed class CommentApiException(int statusCode, string message, Exception? inner = null) : Exception(message, inner)
{
    public int StatusCode { get; } = statusCode;
}
