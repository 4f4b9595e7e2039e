using Gates.LatencyBench;
using Gates.Testing.Tools;

namespace Gates.LatencyBench.Tests.Support;

/// <summary>Runs latency-bench in-process (no terminal) in a given folder, through <see cref="ToolHarness"/>.</summary>
internal static class Tool
{
    public static async Task<RunResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?>? variables, params string[] args)
    {
        using var harness = new ToolHarness(env => LatencyBenchCommand.Create(env, () => false), workingDirectory: workingDirectory);
        foreach (var (name, value) in variables ?? new Dictionary<string, string?>())
        {
            harness.Variables[name] = value;
        }

        return await harness.RunAsync(args);
    }

    public static Task<RunResult> RunAsync(string workingDirectory, params string[] args) => RunAsync(workingDirectory, null, args);
}
