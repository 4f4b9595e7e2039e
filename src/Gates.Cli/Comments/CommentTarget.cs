using Gates.Cli.Hosts;

namespace Gates.Cli.Comments;

/// <summary>
/// A pull request (GitHub) or merge request (GitLab) to comment on: the API base URL, the repository or project,
/// the number, and the token (never printed: <see cref="ToString"/> leaves it out).
/// </summary>
public sealed record CommentTarget(HostKind Platform, string ApiUrl, string Place, long Number, string Token)
{
    public override string ToString() => Platform == HostKind.GitLab ? $"{Place}!{Number}" : $"{Place}#{Number}";
}
