namespace Gates.GitLab.Notes;

/// <summary>One note on a merge request, as far as sticky notes care. System notes ("added 1 commit") are left out.</summary>
public sealed record GitLabNote(long Id, long AuthorId, string AuthorUsername, string Body, string? Url);
