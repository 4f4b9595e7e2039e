using System.Text;
using Gates.Core.Results;

namespace Gates.Cli.Hosts;

/// <summary>
/// Sends a finished report to the host's own channels (docs/hosts.md). Writes only files and stderr: stdout
/// carries the product and belongs to the command. Returns the files written or appended to.
/// </summary>
public static class HostPublisher
{
    public static IReadOnlyList<string> Publish(GateReport report, HostKind host, HostPublishSettings settings,
        IReadOnlyDictionary<string, string?> env, TextWriter stderr) => host switch
        {
            HostKind.GitHub => GitHubHost.Publish(report, settings, env, stderr),
            HostKind.GitLab => GitLabHost.Publish(report, settings, stderr),
            HostKind.Argo => ArgoHost.Publish(report, settings, stderr),
            _ => [],
        };

    /// <summary>A tool name made safe for a file name: lowercase letters, digits, '.', '-' and '_'.</summary>
    internal static string FileStem(string tool)
    {
        var builder = new StringBuilder(tool.Length);
        foreach (var c in tool.Trim().ToLowerInvariant())
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-');
        }

        var stem = builder.ToString().Trim('.');
        return stem.Length == 0 ? "report" : stem;
    }
}
