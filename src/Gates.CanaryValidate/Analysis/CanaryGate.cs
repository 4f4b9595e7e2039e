using Gates.Core.Thresholds;

namespace Gates.CanaryValidate.Analysis;

/// <summary>
/// One gate of the analysis, decided on the canary alone (an absolute limit) or on canary against baseline
/// (<see cref="Delta"/>: a non-inferiority margin). For <see cref="MetricKind.Quantile"/> the gated value is the
/// share of requests slower than <see cref="LatencyLimit"/>, and <see cref="Threshold"/> is 1 − quantile.
/// </summary>
internal sealed record CanaryGate
{
    public required string Name { get; init; }
    public required string Metric { get; init; }
    public required MetricKind Kind { get; init; }
    public required Comparison Comparison { get; init; }
    public required double Threshold { get; init; }
    public DeltaMode? Delta { get; init; }
    public bool Required { get; init; } = true;
    public string? Description { get; init; }
    /// <summary>For <see cref="MetricKind.Mean"/>: the range every item lies in, which bounds the variance.</summary>
    public (double Low, double High)? Range { get; init; }
    public double? Quantile { get; init; }
    /// <summary>The latency limit in seconds (the <c>le</c> bucket bound it is matched with).</summary>
    public double? LatencyLimit { get; init; }
    /// <summary>Units per second of the histogram behind a quantile or latency-mean gate (1000 for milliseconds).</summary>
    public double LatencyUnitsPerSecond { get; init; } = 1;
    public required MetricQueries Queries { get; init; }

    public bool IsBinary => Kind is MetricKind.Proportion or MetricKind.Quantile;

    public bool HigherIsBetter => Comparison.HigherIsBetter();
}
