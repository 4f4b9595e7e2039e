namespace Gates.Http;

/// <summary>
/// Where every tool looks for API tokens, first match wins (docs/hosts.md). GitHub: <c>GATES_GITHUB_TOKEN</c>,
/// <c>GITHUB_TOKEN</c>, <c>GH_TOKEN</c>. GitLab: <c>GATES_GITLAB_TOKEN</c>, <c>GITLAB_TOKEN</c> (<c>CI_JOB_TOKEN</c>
/// cannot post notes or commit, so it is not used). The GATES_ names let a job give the tools a different token
/// than the rest of its steps. Empty variables are skipped.
/// </summary>
public static class ApiTokens
{
    /// <summary>Replaces every occurrence of a token in text with *** (too short a value is left alone).</summary>
    public static string Redact(string text, string token) =>
        token.Length < 4 ? text : text.Replace(token, "***", StringComparison.Ordinal);

    public static readonly IReadOnlyList<string> GitHubVariables = ["GATES_GITHUB_TOKEN", "GITHUB_TOKEN", "GH_TOKEN"];

    public static readonly IReadOnlyList<string> GitLabVariables = ["GATES_GITLAB_TOKEN", "GITLAB_TOKEN"];

    /// <param name="variables">Reads one environment variable (null when unset).</param>
    public static ApiToken? GitHub(Func<string, string?> variables) => First(GitHubVariables, variables);

    public static ApiToken? GitLab(Func<string, string?> variables) => First(GitLabVariables, variables);

    /// <summary>The names in lookup order, for messages: "GATES_GITHUB_TOKEN, GITHUB_TOKEN or GH_TOKEN".</summary>
    public static string Describe(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}";

    private static ApiToken? First(IReadOnlyList<string> names, Func<string, string?> variables)
    {
        foreach (var name in names)
        {
            if (variables(name) is { Length: > 0 } value)
            {
                return new ApiToken(name, value.Trim());
            }
        }

        return null;
    }
}
