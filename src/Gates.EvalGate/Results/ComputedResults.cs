using Gates.Core.Statistics;

namespace Gates.EvalGate.Results;

/// <summary>
/// Results whose metrics were computed while reading (JSONL, lm-eval, promptfoo, openai/evals). A format may
/// map the names users write onto its own (lm-eval: "hellaswag.acc" means "hellaswag.acc,none").
/// </summary>
internal sealed class ComputedResults(
    string path,
    string format,
    string sha256,
    IReadOnlyList<string> warnings,
    MetricTable table,
    Func<string, MetricTable, string?>? resolve = null) : IEvalResults
{
    public string Path => path;

    public string Format => format;

    public string Sha256 => sha256;

    public IReadOnlyList<string> Warnings => warnings;

    /// <summary>The ids of the items whose per-item values were kept (per-item JSONL), for a baseline to share.</summary>
    internal Jsonl.IdTable? Ids { get; init; }

    /// <summary>Readable labels of repeated items by id (a test's description or vars), when the format has them.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    IReadOnlyDictionary<string, string>? IEvalResults.ItemLabels => Labels;

    public IEnumerable<string> MetricNames => table.Names;

    public MetricFind Find(string metric) =>
        Resolve(metric) is { } name ? table.Get(name)! : NameSuggestions.Missing(metric, path, format, table.Names);

    public IReadOnlyDictionary<string, double>? ItemValues(string metric) =>
        Resolve(metric) is { } name ? table.Items(name) : null;

    public IReadOnlyList<ItemRuns>? ItemRuns(string metric) =>
        Resolve(metric) is { } name ? table.Runs(name) : null;

    private string? Resolve(string metric)
    {
        if (table.Contains(metric))
        {
            return metric;
        }

        return resolve?.Invoke(metric, table);
    }
}
