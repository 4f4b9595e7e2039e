using Gates.Cli;
using Gates.Testing;

namespace Gates.EvalGate.Tests.Command;

/// <summary>Runs eval-gate in-process through the same entry point as the installed tool, with captured streams.</summary>
internal sealed class EvalGateHarness : IDisposable
{
    public TempFolder Folder { get; } = new();

    public Dictionary<string, string?> Variables { get; } = new();

    public static string Sample(string name) => RepositoryPaths.Of("samples", "eval", name);

    public static string Thresholds(string name) => RepositoryPaths.Of("thresholds", name);

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "results", name);

    public RunResult Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var env = new GateEnvironment(stdout, stderr, Variables, TimeProvider.System, Folder.Path);
        var code = GateApp.RunAsync(args, EvalGateCommand.Create(env), env, EvalGateCommand.Name).GetAwaiter().GetResult();
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
