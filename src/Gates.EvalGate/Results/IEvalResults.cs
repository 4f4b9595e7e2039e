using Gates.Core.Statistics;

namespace Gates.EvalGate.Results;

/// <summary>
/// One evaluation-results file, read into metrics. Every format (flat JSON, per-item JSONL,
/// lm-evaluation-harness, promptfoo, openai/evals) is exposed through this one shape.
/// </summary>
public interface IEvalResults
{
    string Path { get; }

    /// <summary>The format that was read: json, jsonl, lm-eval, promptfoo or openai-evals.</summary>
    string Format { get; }

    /// <summary>Lower-case hex SHA-256 of the file's bytes.</summary>
    string Sha256 { get; }

    /// <summary>File-level cautions (a --limit run, counts that disagree, items without ids).</summary>
    IReadOnlyList<string> Warnings { get; }

    /// <summary>Every metric name the file offers, in a stable order.</summary>
    IEnumerable<string> MetricNames { get; }

    MetricFind Find(string metric);

    /// <summary>
    /// Per-item values keyed by item id (booleans as 0/1) for paired comparison, or null when the format has
    /// no per-item data, the items have no ids, or <see cref="ReadOptions.KeepItems"/> was not set.
    /// </summary>
    IReadOnlyDictionary<string, double>? ItemValues(string metric);

    /// <summary>
    /// Runs and passes of each item when the file repeats items (promptfoo --repeat) and the metric is pass/fail,
    /// for per-item gates (<c>per_item:</c>); null otherwise.
    /// </summary>
    IReadOnlyList<ItemRuns>? ItemRuns(string metric) => null;

    /// <summary>Readable labels of repeated items by id, for the worst-items list; null when there are none.</summary>
    IReadOnlyDictionary<string, string>? ItemLabels => null;
}
