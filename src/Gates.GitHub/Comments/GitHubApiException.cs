namespace Gates.GitHub.Comments;

/// <summary>
/// A GitHub API call that failed, with the HTTP status (0 when no response arrived) and GitHub's own message.
/// The message never holds the token: it is built from the status and the response's error text only.
/// </summary>
public sealed class GitHubApiException(int statusCode, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public int StatusCode { get; } = statusCode;

    /// <summary>GitHub refused for a rate limit (primary or secondary), not for the token's rights.</summary>
    public bool IsRateLimit { get; init; }
}
