namespace Gates.GitHub.Comments;

/// <summary>One comment on a pull request's conversation, as far as sticky comments care.</summary>
public sealed record GitHubComment(long Id, string AuthorLogin, bool AuthorIsBot, string Body, string? Url);
