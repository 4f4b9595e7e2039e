using System.CommandLine;
using Gates.Cli;

namespace Gates.Testing.Tools;

/// <summary>
/// Runs a tool in-process through the same entry point as the installed tool (<see cref="GateApp"/>), with captured
/// stdout and stderr, chosen environment variables and clock, in a temporary folder unless a working folder is given.
/// </summary>
public class ToolHarness : IDisposable
{
    private readonly Func<GateEnvironment, RootCommand> create;
    private readonly string? toolName;
    private readonly Lazy<TempFolder> folder = new(() => new TempFolder());
    private readonly string? workingDirectory;

    /// <param name="create">The tool's command factory, e.g. <c>EvalGateCommand.Create</c>.</param>
    /// <param name="toolName">The tool's name constant, as the installed tool passes it.</param>
    /// <param name="workingDirectory">Where the tool runs; a temporary folder (<see cref="Folder"/>) when null.</param>
    public ToolHarness(Func<GateEnvironment, RootCommand> create, string? toolName = null, string? workingDirectory = null)
    {
        this.create = create;
        this.toolName = toolName;
        this.workingDirectory = workingDirectory;
    }

    /// <summary>A temporary folder, deleted on dispose; the working folder unless another was given.</summary>
    public TempFolder Folder => folder.Value;

    public string WorkingDirectory => workingDirectory ?? Folder.Path;

    public Dictionary<string, string?> Variables { get; } = new(StringComparer.Ordinal);

    public TimeProvider Time { get; set; } = TimeProvider.System;

    public async Task<RunResult> RunAsync(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var env = new GateEnvironment(stdout, stderr, Variables, Time, WorkingDirectory);
        var code = await GateApp.RunAsync(args, create(env), env, toolName);
        return new RunResult(code, stdout.ToString(), stderr.ToString());
    }

    public RunResult Run(params string[] args) => RunAsync(args).GetAwaiter().GetResult();

    public void Dispose()
    {
        if (folder.IsValueCreated)
        {
            folder.Value.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}
