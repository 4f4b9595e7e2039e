using System.Reflection;
using Gates.Core.Results;

namespace Gates.Cli;

public static class ToolInfoReader
{
    /// <summary>
    /// The tool's name and its informational version as `--version` prints it: the version from the git tag and
    /// the short commit it was built from (1.2.3+abc1234), or the version alone when the build had no git.
    /// </summary>
    public static ToolInfo For(string name, Assembly assembly) => new(name, VersionOf(assembly));

    public static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? assembly.GetName().Version?.ToString(3)
        ?? "0.0.0";

    /// <summary>Subject of the run from the flags, with the commit taken from the CI environment.</summary>
    public static Subject SubjectFor(CommonSettings settings, GateEnvironment env) => new()
    {
        Model = settings.SubjectModel,
        Version = settings.SubjectVersion,
        Commit = env.Get("GITHUB_SHA") ?? env.Get("CI_COMMIT_SHA") ?? env.Get("GATES_COMMIT"),
    };
}
