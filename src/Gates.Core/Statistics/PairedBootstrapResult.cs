using Gates.Core.Results;

namespace Gates.Core.Statistics;

/// <summary>A paired bootstrap comparison of per-item scores: current minus baseline.</summary>
public sealed record PairedBootstrapResult
{
    /// <summary>Number of paired items.</summary>
    public required int N { get; init; }

    /// <summary>Observed mean of current − baseline over the items.</summary>
    public required double MeanDifference { get; init; }

    /// <summary>Percentile bootstrap interval for the mean difference.</summary>
    public required Interval Interval { get; init; }

    /// <summary>Two-sided: 2 × the smaller share of resampled differences ≤ 0 or ≥ 0, at most 1.</summary>
    public required double PValue { get; init; }

    public required int Resamples { get; init; }

    public required int Seed { get; init; }
}
