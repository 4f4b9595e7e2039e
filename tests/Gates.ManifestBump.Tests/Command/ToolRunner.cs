using Gates.Testing.Tools;

namespace Gates.ManifestBump.Tests.Command;

/// <summary>Runs manifest-bump in-process in a given folder with chosen variables, through <see cref="ToolHarness"/>.</summary>
internal static class ToolRunner
{
    public static async Task<RunResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?>? variables, params string[] args)
    {
        using var harness = new ToolHarness(ManifestBumpCommand.Create, workingDirectory: workingDirectory);
        foreach (var (name, value) in variables ?? new Dictionary<string, string?>())
        {
            harness.Variables[name] = value;
        }

        return await harness.RunAsync(args);
    }
}
