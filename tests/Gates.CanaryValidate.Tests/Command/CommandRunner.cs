using Gates.Cli;
using Gates.CanaryValidate.Tests.Scenarios;
using Gates.CanaryValidate.Tests.Support;
using Gates.Testing;

namespace Gates.CanaryValidate.Tests.Command;

/// <summary>Runs the canary-validate command line in-process, with a virtual clock starting where the series start.</summary>
internal sealed class CommandRunner : IDisposable
{
    public TempFolder Folder { get; } = new();

    public StringWriter Out { get; } = new();

    public StringWriter Error { get; } = new();

    public async Task<int> RunAsync(params string[] args)
    {
        var env = new GateEnvironment(Out, Error, new Dictionary<string, string?> { ["GATES_CI"] = "none" }, new JumpClock(KnativeSeries.From), Folder.Path);
        return await GateApp.RunAsync(args, CanaryValidateCommand.Create(env), env);
    }

    public string Write(string name, string content) => Folder.Write(name, content);

    public void Dispose() => Folder.Dispose();
}
