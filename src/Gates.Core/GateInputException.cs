namespace Gates.Core;

/// <summary>
/// Usage, configuration or input problems that stop a run from being evaluated (exit code 2).
/// Carries every problem found, each naming its file, line or gate.
/// </summary>
public sealed class GateInputException : Exception
{
    public GateInputException(string problem)
        : this([problem])
    {
    }

    public GateInputException(IReadOnlyList<string> problems)
        : base(string.Join("\n", problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }
}
