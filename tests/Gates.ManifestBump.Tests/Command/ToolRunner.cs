using Gates.Cli;

namespace Gates.ManifestBump.Tests.Command;

/// <summary>Runs manifest-bump in-process with captured streams and a chosen environment.</summary>
internal static class ToolRunner
{
    public sealed record Run(int ExitCode, string Out, string Error);

    public static async Task<Run> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?>? variables, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var vars = new Dictionary<string, string?>(variables ?? new Dictionary<string, string?>(), StringComparer.Ordinal);
        var env = new GateEnvironment(output, error, vars, TimeProvider.System, workingDirectory);
        var code = await GateApp.RunAsync(args, ManifestBumpCommand.Create(env), env);
        return new Run(code, output.ToString(), error.ToString());
    }
}
