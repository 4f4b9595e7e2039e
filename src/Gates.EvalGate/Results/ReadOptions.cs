namespace Gates.EvalGate.Results;

/// <summary>How to read a results file.</summary>
public sealed record ReadOptions
{
    public static ReadOptions Default { get; } = new();

    /// <summary>Field (dotted path) holding each item's id; default: the first of id, item_id, sample_id.</summary>
    public string? IdField { get; init; }

    /// <summary>Keep per-item values for paired comparison. Only then does memory grow with the file.</summary>
    public bool KeepItems { get; init; }

    /// <summary>
    /// The metrics the gates need, or null for all. Per-item JSONL aggregates (and keeps items for) only these;
    /// other formats read everything anyway.
    /// </summary>
    public IReadOnlySet<string>? Metrics { get; init; }

    /// <summary>
    /// With <see cref="KeepItems"/>: the metrics whose per-item values are compared with a baseline, or null for all
    /// the wanted ones. Per-item JSONL then keeps per-item values of only these (reading the file again, keeping all,
    /// if an item id repeats).
    /// </summary>
    public IReadOnlySet<string>? PairedMetrics { get; init; }

    /// <summary>
    /// The ids of the results a baseline is paired with (<see cref="ComputedResults.Ids"/>): per-item JSONL read with
    /// <see cref="PairedMetrics"/> then stores only the ids the two files do not share.
    /// </summary>
    internal Jsonl.IdTable? SharedIds { get; init; }

    internal bool Wants(string metric) => Metrics is null || Metrics.Contains(metric);

    internal bool Pairs(string metric) => KeepItems && (PairedMetrics is null || PairedMetrics.Contains(metric));
}
