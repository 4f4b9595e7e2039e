namespace Gates.GitLab.Notes;

/// <summary>
/// Where the notes live: the API base (<c>CI_API_V4_URL</c>, e.g. <c>https://gitlab.com/api/v4</c>), the
/// project (numeric id or <c>group/project</c> path) and the merge request's project-scoped IID.
/// </summary>
public sealed record GitLabThreadAddress(Uri ApiUrl, string Project, long MergeRequestIid)
{
    public static GitLabThreadAddress Parse(string apiUrl, string project, long iid)
    {
        if (!Uri.TryCreate(apiUrl.TrimEnd('/') + "/", UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"'{apiUrl}' is not an http(s) URL", nameof(apiUrl));
        }

        if (string.IsNullOrWhiteSpace(project))
        {
            throw new ArgumentException("the project id is empty", nameof(project));
        }

        return new GitLabThreadAddress(api, project.Trim(), iid);
    }

    /// <summary>projects/:id/merge_requests/:iid/notes, with a path-style project id URL-encoded as the API wants.</summary>
    public string NotesPath => $"projects/{Uri.EscapeDataString(Project)}/merge_requests/{MergeRequestIid}/notes";

    public override string ToString() => $"{Project}!{MergeRequestIid}";
}
