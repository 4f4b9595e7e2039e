namespace Gates.EvalGate.Results;

/// <summary>Builds the "file:line: metric 'x' …" messages every reader uses.</summary>
internal static class MetricProblem
{
    public static string Where(string path, long? line) => line is { } l ? $"{path}:{l}" : path;

    public static MetricFind.Invalid Invalid(string path, string metric, string problem, long? line = null) =>
        new($"{Where(path, line)}: metric '{metric}' {problem}");
}
