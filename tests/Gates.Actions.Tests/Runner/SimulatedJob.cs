using Gates.Testing;

namespace Gates.Actions.Tests.Runner;

/// <summary>
/// One GitHub Actions job on this machine: a runner temp folder, a workspace, and what steps add to the job
/// (variables through $GITHUB_ENV, folders through $GITHUB_PATH, the step summaries). Composite actions run in
/// it with <see cref="Run"/>; several runs share the job, as steps of one job do.
/// </summary>
public sealed class SimulatedJob : IDisposable
{
    private static readonly string[] HostPrefixes = ["GITHUB_", "RUNNER_", "GATES_", "ARGO_", "GITLAB_", "CI_", "INPUT_", "ACTIONS_"];
    private readonly TempFolder folder = new();
    private readonly Dictionary<string, string> jobEnv = new(StringComparer.Ordinal);
    private readonly List<string> pathAdditions = [];
    private readonly HashSet<string> stubs = new(StringComparer.Ordinal);
    private int stepCount;

    public SimulatedJob(string workspace, IReadOnlyDictionary<string, string>? env = null)
    {
        Workspace = workspace;
        RunnerTemp = Directory.CreateDirectory(Path.Combine(folder.Path, "_temp")).FullName;
        foreach (var (key, value) in env ?? new Dictionary<string, string>())
        {
            jobEnv[key] = value;
        }
    }

    public string Workspace { get; }

    public string RunnerTemp { get; }

    public IReadOnlyList<string> PathAdditions => pathAdditions;

    public IReadOnlyDictionary<string, string> JobEnv => jobEnv;

    public ActionRun Run(string actionDirectory, IReadOnlyDictionary<string, string> with) =>
        new CompositeRun(this, ActionDefinition.Load(actionDirectory), with).Execute();

    internal string NextStepFolder() =>
        Directory.CreateDirectory(Path.Combine(folder.Path, "_runner_file_commands", $"step{++stepCount}")).FullName;

    public void AddEnv(string name, string value) => jobEnv[name] = value;

    /// <summary>
    /// Lets <c>uses: ACTION</c> steps "run" in this job: they succeed without doing anything, and their step run
    /// records the evaluated <c>with:</c> values as its outputs, so a test can check what the action would receive.
    /// </summary>
    public void Stub(string uses) => stubs.Add(uses);

    internal bool IsStubbed(string uses) => stubs.Contains(uses);

    internal void AddPath(string path) => pathAdditions.Insert(0, path);

    /// <summary>The environment a step process starts with: this machine's, without any CI host's variables.</summary>
    internal Dictionary<string, string> BaseEnvironment()
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (name != "CI" && !HostPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            {
                env[name] = (string?)entry.Value ?? "";
            }
        }

        env["CI"] = "true";
        env["GITHUB_ACTIONS"] = "true";
        env["GITHUB_WORKSPACE"] = Workspace;
        env["GITHUB_REPOSITORY"] = "gates-dev/gates";
        env["GITHUB_SHA"] = "0123456789abcdef0123456789abcdef01234567";
        env["GITHUB_EVENT_NAME"] = "workflow_dispatch";
        env["GITHUB_RUN_ID"] = "1";
        env["RUNNER_TEMP"] = RunnerTemp;
        env["RUNNER_OS"] = "Linux";
        foreach (var (key, value) in jobEnv)
        {
            env[key] = value;
        }

        if (pathAdditions.Count > 0)
        {
            env["PATH"] = string.Join(':', pathAdditions) + ":" + env.GetValueOrDefault("PATH", "");
        }

        return env;
    }

    public void Dispose() => folder.Dispose();
}
