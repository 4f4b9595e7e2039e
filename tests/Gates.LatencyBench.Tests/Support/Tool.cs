using Gates.Cli;
using Gates.LatencyBench;

namespace Gates.LatencyBench.Tests.Support;

/// <summary>Runs latency-bench in-process with captured streams and a given environment.</summary>
internal static class Tool
{
    public static async Task<CliResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?>? variables, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var env = new GateEnvironment(output, error, variables ?? new Dictionary<string, string?>(), TimeProvider.System, workingDirectory);
        var exit = await GateApp.RunAsync(args, LatencyBenchCommand.Create(env, () => false), env);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    public static Task<CliResult> RunAsync(string workingDirectory, params string[] args) => RunAsync(workingDirectory, null, args);
}

internal sealed record CliResult(int Exit, string Out, string Error)
{
    public override string ToString() => $"exit {Exit}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
