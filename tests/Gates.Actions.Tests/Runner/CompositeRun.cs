using System.Diagnostics;

namespace Gates.Actions.Tests.Runner;

/// <summary>
/// Runs a composite action's steps the way the runner does: inputs from <c>with:</c> or their defaults,
/// <c>if:</c> conditions, <c>env:</c> and <c>working-directory:</c> evaluated with the inputs and steps
/// contexts, each <c>run:</c> in <c>bash --noprofile --norc -eo pipefail</c> with fresh $GITHUB_OUTPUT,
/// $GITHUB_STEP_SUMMARY, $GITHUB_ENV and $GITHUB_PATH files and $GITHUB_ACTION_PATH set, then the action's
/// outputs evaluated from the steps' outputs. A <c>uses:</c> step whose condition holds cannot run here and
/// throws; so do expressions inside <c>run:</c> text (the injection rule) and unknown inputs.
/// </summary>
internal sealed class CompositeRun(SimulatedJob job, ActionDefinition action, IReadOnlyDictionary<string, string> with)
{
    private readonly Dictionary<string, object?> steps = new(StringComparer.Ordinal);
    private readonly List<StepRun> runs = [];
    private readonly System.Text.StringBuilder summary = new();
    private Dictionary<string, object?> inputs = new();
    private bool failed;
    private int exitCode;

    public ActionRun Execute()
    {
        if (action.Using != "composite")
        {
            throw new NotSupportedException($"{action.Directory}: runs.using is '{action.Using}', not composite");
        }

        var unknown = with.Keys.Where(k => action.Input(k) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"{action.Name}: unexpected input(s) {string.Join(", ", unknown)}");
        }

        inputs = action.Inputs.ToDictionary(
            i => i.Name,
            i => (object?)(with.TryGetValue(i.Name, out var given) ? given : Template.Evaluate(i.Default ?? "", Context, Functions)));
        for (var i = 0; i < action.Steps.Count; i++)
        {
            RunStep(action.Steps[i], action.Steps[i].Id ?? $"__step{i}");
        }

        var outputs = action.Outputs.ToDictionary(o => o.Name, o => Template.Evaluate(o.Value, Context, Functions));
        return new ActionRun(exitCode, outputs, runs, summary.ToString());
    }

    private ExpressionFunctions Functions => new(failed);

    private object? Context(string name) => name switch
    {
        "inputs" => inputs,
        "steps" => steps,
        "runner" => new Dictionary<string, object?> { ["temp"] = job.RunnerTemp, ["os"] = "Linux" },
        "env" => job.JobEnv.ToDictionary(e => e.Key, e => (object?)e.Value),
        "github" => new Dictionary<string, object?>
        {
            ["token"] = "ghs_simulated_token",
            ["workspace"] = job.Workspace,
            ["action_path"] = action.Directory,
            ["repository"] = "gates-dev/gates",
            ["sha"] = "0123456789abcdef0123456789abcdef01234567",
            ["event_name"] = "workflow_dispatch",
        },
        _ => throw new NotSupportedException($"context '{name}' is not available in a composite action here"),
    };

    private void RunStep(ActionStep step, string id)
    {
        var label = step.Id ?? step.Name ?? step.Uses ?? id;
        if (!Template.Condition(step.If, Context, Functions))
        {
            Record(id, new StepRun(label, "skipped", null, new Dictionary<string, string>(), "", ""));
            return;
        }

        if (step.Uses is not null && job.IsStubbed(step.Uses))
        {
            var given = step.With.ToDictionary(w => w.Key, w => Template.Evaluate(w.Value, Context, Functions));
            Record(id, new StepRun(label, "success", 0, given, "", ""));
            return;
        }

        if (step.Uses is not null)
        {
            throw new NotSupportedException($"step '{label}' would run 'uses: {step.Uses}', which the simulated runner cannot run");
        }

        if (step.Run is null || step.Shell != "bash")
        {
            throw new NotSupportedException($"step '{label}': only 'run:' steps with 'shell: bash' are simulated");
        }

        if (Template.HasExpression(step.Run))
        {
            throw new InvalidOperationException($"step '{label}': '${{{{ }}}}' inside run: text (pass values through env:)");
        }

        var result = Execute(step, label);
        Record(id, result);
        if (result.Outcome == "failure" && !step.ContinueOnError && !failed)
        {
            failed = true;
            exitCode = result.ExitCode ?? 1;
        }
    }

    private StepRun Execute(ActionStep step, string label)
    {
        var files = job.NextStepFolder();
        string File(string name) => Path.Combine(files, name);
        var env = job.BaseEnvironment();
        env["GITHUB_ACTION_PATH"] = action.Directory;
        env["GITHUB_OUTPUT"] = File("output");
        env["GITHUB_STEP_SUMMARY"] = File("summary");
        env["GITHUB_ENV"] = File("env");
        env["GITHUB_PATH"] = File("path");
        env["GITHUB_STATE"] = File("state");
        foreach (var (name, value) in step.Env)
        {
            env[name] = Template.Evaluate(value, Context, Functions);
        }

        var script = File("script.sh");
        System.IO.File.WriteAllText(script, step.Run);
        var workingDirectory = Path.GetFullPath(
            Template.Evaluate(step.WorkingDirectory ?? ".", Context, Functions), job.Workspace);
        var (code, stdout, stderr) = Launch(["--noprofile", "--norc", "-eo", "pipefail", script], env, workingDirectory);

        var outputs = FileCommands.Read(File("output")).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        foreach (var (name, value) in FileCommands.Read(File("env")))
        {
            job.AddEnv(name, value);
        }

        foreach (var path in FileCommands.Lines(File("path")))
        {
            job.AddPath(path);
        }

        if (System.IO.File.Exists(File("summary")))
        {
            summary.Append(System.IO.File.ReadAllText(File("summary")));
        }

        return new StepRun(label, code == 0 ? "success" : "failure", code, outputs, stdout, stderr);
    }

    private void Record(string id, StepRun run)
    {
        runs.Add(run);
        steps[id] = new Dictionary<string, object?>
        {
            ["outputs"] = run.Outputs.ToDictionary(o => o.Key, o => (object?)o.Value),
            ["outcome"] = run.Outcome,
            ["conclusion"] = run.Outcome,
        };
    }

    private static (int Code, string Stdout, string Stderr) Launch(string[] args, Dictionary<string, string> env, string workingDirectory)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        foreach (var (key, value) in env)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("step did not finish in 30 minutes");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
