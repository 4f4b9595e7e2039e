namespace Gates.Actions.Tests.Runner;

/// <summary>One step of a composite action as it ran: success, failure or skipped.</summary>
public sealed record StepRun(
    string Label,
    string Outcome,
    int? ExitCode,
    IReadOnlyDictionary<string, string> Outputs,
    string Stdout,
    string Stderr);

/// <summary>
/// A composite action run: its exit code (the first failing step's, 0 when none failed), the action's outputs
/// as its <c>outputs:</c> map them, each step, and the step summaries the run appended.
/// </summary>
public sealed record ActionRun(
    int ExitCode,
    IReadOnlyDictionary<string, string> Outputs,
    IReadOnlyList<StepRun> Steps,
    string Summary)
{
    public string Output(string name) => Outputs.TryGetValue(name, out var value) ? value : "";

    public string Log => string.Join("\n", Steps.Select(s => $"--- {s.Label}: {s.Outcome} ({s.ExitCode})\n{s.Stdout}{s.Stderr}"));

    public StepRun Step(string label) => Steps.Single(s => s.Label == label);

    public void ShouldExitWith(int code) => ExitCode.ShouldBe(code, Log);
}
