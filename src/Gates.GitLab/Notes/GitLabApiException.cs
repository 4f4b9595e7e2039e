namespace Gates.GitLab.Notes;

/// <summary>
/// A GitLab API call that failed, with the HTTP status (0 when no response arrived) and GitLab's own message.
/// The message never holds the token: it is built from the status and the response's error text only.
/// </summary>
public sealed class GitLabApiException(int statusCode, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public int StatusCode { get; } = statusCode;
}
