using Gates.Cli;
using Gates.Testing;

namespace Gates.DriftCheck.Tests.Command;

/// <summary>Runs drift-check in-process through the same entry point as the installed tool, with captured streams.</summary>
internal sealed class DriftCheckHarness : IDisposable
{
    public TempFolder Folder { get; } = new();

    public Dictionary<string, string?> Variables { get; } = new() { ["GATES_CI"] = "none" };

    public static string Sample(string name) => RepositoryPaths.Of("samples", "drift", name);

    public RunResult Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var env = new GateEnvironment(stdout, stderr, Variables, TimeProvider.System, Folder.Path);
        var code = GateApp.RunAsync(args, DriftCheckCommand.Create(env), env, DriftCheckCommand.Name).GetAwaiter().GetResult();
        return new RunResult(code, stdout.ToString(), stderr.ToString());
    }

    public void Dispose() => Folder.Dispose();
}

internal sealed record RunResult(int ExitCode, string Stdout, string Stderr)
{
    public RunResult ShouldExit(int expected)
    {
        ExitCode.ShouldBe(expected, $"stdout:\n{Stdout}\nstderr:\n{Stderr}");
        return this;
    }
}
