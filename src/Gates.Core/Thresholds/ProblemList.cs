namespace Gates.Core.Thresholds;

/// <summary>Collects configuration problems as "file:line: gate 'x': message".</summary>
internal sealed class ProblemList(string path)
{
    private readonly List<string> problems = [];

    public int Count => problems.Count;

    public void Add(int line, string? gate, string message) =>
        problems.Add(gate is null ? $"{path}:{line}: {message}" : $"{path}:{line}: gate '{gate}': {message}");

    public void ThrowIfAny()
    {
        if (problems.Count > 0)
        {
            throw new GateInputException(problems);
        }
    }
}
