using Gates.Core;

namespace Gates.EvalGate.Results;

/// <summary>The value of <c>--results-format</c>.</summary>
public enum ResultsFormat
{
    Auto,
    Json,
    Jsonl,
    LmEval,
    Promptfoo,
    OpenAiEvals,
}

public static class ResultsFormats
{
    private static readonly (string Name, ResultsFormat Format)[] All =
    [
        ("auto", ResultsFormat.Auto),
        ("json", ResultsFormat.Json),
        ("jsonl", ResultsFormat.Jsonl),
        ("lm-eval", ResultsFormat.LmEval),
        ("promptfoo", ResultsFormat.Promptfoo),
        ("openai-evals", ResultsFormat.OpenAiEvals),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(f => f.Name)];

    public static string Name(this ResultsFormat format) => All.First(f => f.Format == format).Name;

    /// <summary>Parses a <c>--results-format</c> value (case-insensitive).</summary>
    public static ResultsFormat Parse(string text)
    {
        foreach (var (name, format) in All)
        {
            if (string.Equals(name, text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return format;
            }
        }

        throw new GateInputException($"unknown results format '{text}'; use one of: {string.Join(", ", Names)}");
    }
}
