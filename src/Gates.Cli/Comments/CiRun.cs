namespace Gates.Cli.Comments;

/// <summary>
/// What the CI environment says about the current run: its web address, commit, who started it and, where
/// known, who approved it. <c>GATES_RUN_URL</c>, <c>GATES_COMMIT</c>, <c>GATES_TRIGGERED_BY</c> and
/// <c>GATES_APPROVED_BY</c> override (and are the only source on Argo or a developer's machine).
/// </summary>
public sealed record CiRun
{
    public string? RunUrl { get; init; }
    public string? Commit { get; init; }
    public string? TriggeredBy { get; init; }
    public string? ApprovedBy { get; init; }
    public string? Repository { get; init; }

    public static CiRun From(GateEnvironment env) => new()
    {
        RunUrl = env.Get("GATES_RUN_URL") ?? GitHubRunUrl(env) ?? env.Get("CI_PIPELINE_URL") ?? env.Get("CI_JOB_URL"),
        Commit = env.Get("GATES_COMMIT") ?? env.Get("GITHUB_SHA") ?? env.Get("CI_COMMIT_SHA"),
        TriggeredBy = env.Get("GATES_TRIGGERED_BY") ?? env.Get("GITHUB_TRIGGERING_ACTOR") ?? env.Get("GITHUB_ACTOR") ?? env.Get("GITLAB_USER_LOGIN"),
        ApprovedBy = env.Get("GATES_APPROVED_BY"),
        Repository = env.Get("GITHUB_REPOSITORY") ?? env.Get("CI_PROJECT_PATH"),
    };

    /// <summary>https://github.com/owner/repo/actions/runs/ID (with /attempts/N after a re-run).</summary>
    private static string? GitHubRunUrl(GateEnvironment env)
    {
        if (env.Get("GITHUB_REPOSITORY") is not { } repository || env.Get("GITHUB_RUN_ID") is not { } runId)
        {
            return null;
        }

        var server = (env.Get("GITHUB_SERVER_URL") ?? "https://github.com").TrimEnd('/');
        var attempt = env.Get("GITHUB_RUN_ATTEMPT") is { } a && a != "1" ? $"/attempts/{a}" : "";
        return $"{server}/{repository}/actions/runs/{runId}{attempt}";
    }
}
