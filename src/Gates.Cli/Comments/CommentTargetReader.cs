using Gates.Cli.Hosts;
using Gates.Http;

namespace Gates.Cli.Comments;

/// <summary>
/// Finds the pull or merge request to comment on from the host's environment (docs/comments.md), or says why
/// there is none. GitHub: <c>GITHUB_REPOSITORY</c>, <c>GITHUB_API_URL</c>, the event payload or
/// <c>--pr-number</c>, and the first of <c>GATES_GITHUB_TOKEN</c>, <c>GITHUB_TOKEN</c>, <c>GH_TOKEN</c>. GitLab: <c>CI_API_V4_URL</c>,
/// <c>CI_MERGE_REQUEST_PROJECT_ID</c> / <c>CI_PROJECT_ID</c>, <c>CI_MERGE_REQUEST_IID</c> or
/// <c>--pr-number</c>, and the first of <c>GATES_GITLAB_TOKEN</c>, <c>GITLAB_TOKEN</c> (<see cref="ApiTokens"/>).
/// </summary>
public static class CommentTargetReader
{
    public const string ReadOnlyAdvice = "fork pull requests get a read-only token; see docs/comments.md for posting from a workflow_run workflow";

    public static (CommentTarget? Target, CommentOutcome? Skip) Read(HostKind host, GateEnvironment env, long? prNumber) => host switch
    {
        HostKind.GitHub => GitHub(env, prNumber),
        HostKind.GitLab => GitLab(env, prNumber),
        _ => (null, new CommentOutcome(CommentStatus.SkippedNoPr)),
    };

    private static (CommentTarget?, CommentOutcome?) GitHub(GateEnvironment env, long? prNumber)
    {
        var payload = GitHubEvent.Read(env.Get("GITHUB_EVENT_PATH"));
        var number = prNumber ?? payload.PullRequestNumber;
        var repository = env.Get("GITHUB_REPOSITORY");
        if (number is null || repository is null)
        {
            return (null, new CommentOutcome(CommentStatus.SkippedNoPr));
        }

        // A fork's pull_request run has a read-only token and no secrets: asking would only earn a 403.
        if (payload.FromFork && prNumber is null && env.Get("GITHUB_EVENT_NAME") != "pull_request_target")
        {
            return (null, new CommentOutcome(CommentStatus.SkippedFork, null,
                $"PR comment not posted on {repository}#{number}: this pull request comes from a fork; {ReadOnlyAdvice}."));
        }

        var token = ApiTokens.GitHub(env.Get)?.Value;
        if (token is null)
        {
            return (null, new CommentOutcome(CommentStatus.SkippedNoToken, null,
                $"PR comment not posted on {repository}#{number}: no token. Pass one to this step with " +
                "`env: GITHUB_TOKEN: ${{ github.token }}` (or GATES_GITHUB_TOKEN) and give the job `permissions: pull-requests: write`."));
        }

        var api = env.Get("GITHUB_API_URL") ?? "https://api.github.com";
        return (new CommentTarget(HostKind.GitHub, api, repository, number.Value, token), null);
    }

    private static (CommentTarget?, CommentOutcome?) GitLab(GateEnvironment env, long? prNumber)
    {
        long? iid = prNumber ?? (long.TryParse(env.Get("CI_MERGE_REQUEST_IID"), System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null);
        var project = env.Get("CI_MERGE_REQUEST_PROJECT_ID") ?? env.Get("CI_PROJECT_ID");
        var api = env.Get("CI_API_V4_URL") ?? (env.Get("CI_SERVER_URL") is { } server ? server.TrimEnd('/') + "/api/v4" : null);
        if (iid is null || project is null || api is null)
        {
            return (null, new CommentOutcome(CommentStatus.SkippedNoPr));
        }

        var token = ApiTokens.GitLab(env.Get)?.Value;
        if (token is null)
        {
            return (null, new CommentOutcome(CommentStatus.SkippedNoToken, null,
                $"MR note not posted on {project}!{iid}: no token. Set GITLAB_TOKEN (or GATES_GITLAB_TOKEN) to a project access token " +
                "with the api scope and at least the Reporter role, as a masked CI/CD variable; CI_JOB_TOKEN cannot post merge-request notes."));
        }

        return (new CommentTarget(HostKind.GitLab, api, project, iid.Value, token), null);
    }
}
