namespace Gates.DriftCheck.Analysis;

/// <summary>
/// What the default mode measured for a column, before the decision (which may wait for the p-values of every
/// column, for the Benjamini–Hochberg correction).
/// </summary>
internal sealed record Measurement
{
    public required string Method { get; init; }
    public required string EffectName { get; init; }
    public required double Effect { get; init; }
    public required double EffectThreshold { get; init; }
    public required string EffectUnit { get; init; }
    public required double PValue { get; init; }
    public required long ReferenceCount { get; init; }
    public required long CurrentCount { get; init; }
    public required string Words { get; init; }
    public double? DetectableEffect { get; init; }
    public long? NeededCurrentRows { get; init; }

    /// <summary>Set when no amount of current data is enough with this reference.</summary>
    public string? NeededNote { get; init; }

    public Dictionary<string, double> Metrics { get; init; } = [];
    public Histogram? Histogram { get; init; }
    public List<string> Notes { get; init; } = [];

    /// <summary>Set when the data decide on their own (both sides constant).</summary>
    public (bool Drift, string Reason)? Decided { get; init; }
}
