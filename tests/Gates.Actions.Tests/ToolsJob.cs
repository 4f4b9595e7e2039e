using Gates.Actions.Tests.Runner;
using Gates.Testing;

namespace Gates.Actions.Tests;

/// <summary>
/// One simulated job shared by the action tests: its first step runs actions/setup, which builds every tool
/// this source tree has (the path this repository's own CI takes) and installs them under $RUNNER_TEMP.
/// Later actions in the job find them installed, so the tools are packed once per test run.
/// </summary>
public sealed class ToolsJob : IDisposable
{
    public ToolsJob()
    {
        Job = new SimulatedJob(RepositoryPaths.Root);
        Setup = Job.Run(ActionPath("actions", "setup"), new Dictionary<string, string> { ["tools"] = string.Join("\n", GateTool.Landed.Select(t => t.Command)) });
    }

    public SimulatedJob Job { get; }

    /// <summary>The first run of actions/setup in the job (a build from source).</summary>
    public ActionRun Setup { get; }

    public static string ActionPath(params string[] parts) => RepositoryPaths.Of(parts);

    public ActionRun Run(string action, Dictionary<string, string> with) => Job.Run(ActionPath(action.Split('/')), with);

    public void Dispose() => Job.Dispose();
}

[CollectionDefinition(nameof(ToolsJobCollection))]
public sealed class ToolsJobCollection : ICollectionFixture<ToolsJob>;
