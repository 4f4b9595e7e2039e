using System.Reflection;
using Gates.Core.Results;

namespace Gates.Cli;

public static class ToolInfoReader
{
    /// <summary>The tool's name and its informational version (without the source-revision suffix).</summary>
    public static ToolInfo For(string name, Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+');
        return new ToolInfo(name, plus >= 0 ? version[..plus] : version);
    }

    /// <summary>Subject of the run from the flags, with the commit taken from the CI environment.</summary>
    public static Subject SubjectFor(CommonSettings settings, GateEnvironment env) => new()
    {
        Model = settings.SubjectModel,
        Version = settings.SubjectVersion,
        Commit = env.Get("GITHUB_SHA") ?? env.Get("CI_COMMIT_SHA") ?? env.Get("GATES_COMMIT"),
    };
}
