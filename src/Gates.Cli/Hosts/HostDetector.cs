using Gates.Core;

namespace Gates.Cli.Hosts;

/// <summary>
/// Picks the host: <c>--ci github|gitlab|argo|none</c> when given, else GITHUB_ACTIONS=true → GitHub,
/// GITLAB_CI=true → GitLab, any of the variables Argo sets in a workflow pod → Argo, else local.
/// </summary>
public static class HostDetector
{
    /// <summary>Variables the Argo executor sets in the pods it runs; any one of them means Argo.</summary>
    public static IReadOnlyList<string> ArgoVariables { get; } =
        ["ARGO_WORKFLOW_NAME", "ARGO_TEMPLATE", "ARGO_NODE_ID", "ARGO_CONTAINER_NAME"];

    public static HostKind Detect(IReadOnlyDictionary<string, string?> env, string? ciFlag)
    {
        if (!string.IsNullOrWhiteSpace(ciFlag))
        {
            return FromFlag(ciFlag.Trim());
        }

        if (IsTrue(env, "GITHUB_ACTIONS"))
        {
            return HostKind.GitHub;
        }

        if (IsTrue(env, "GITLAB_CI"))
        {
            return HostKind.GitLab;
        }

        return ArgoVariables.Any(name => !string.IsNullOrEmpty(Get(env, name))) ? HostKind.Argo : HostKind.Local;
    }

    private static HostKind FromFlag(string flag) => flag.ToLowerInvariant() switch
    {
        "github" => HostKind.GitHub,
        "gitlab" => HostKind.GitLab,
        "argo" => HostKind.Argo,
        "none" => HostKind.Local,
        _ => throw new GateInputException($"--ci: unknown host '{flag}'; expected github, gitlab, argo or none"),
    };

    private static bool IsTrue(IReadOnlyDictionary<string, string?> env, string name) =>
        string.Equals(Get(env, name)?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static string? Get(IReadOnlyDictionary<string, string?> env, string name) =>
        env.TryGetValue(name, out var value) ? value : null;
}
