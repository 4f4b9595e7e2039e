using Gates.Core.Results;

namespace Gates.Core.Metrics;

/// <summary>
/// A metric value with whatever is known about its uncertainty. Give the most specific evidence
/// available: successes and n for a rate, standard deviation and n for a mean, a standard error,
/// or a ready-made interval.
/// </summary>
public sealed record MetricObservation(double Value)
{
    public long? N { get; init; }
    /// <summary>For a proportion: the number of items counted (Value = Successes / N).</summary>
    public long? Successes { get; init; }
    /// <summary>Sample standard deviation (n − 1) of per-item values, for a mean.</summary>
    public double? StdDev { get; init; }
    public double? StdErr { get; init; }
    public Interval? Interval { get; init; }
    /// <summary>Name of the method that produced <see cref="Interval"/> when it is given.</summary>
    public string? IntervalMethod { get; init; }
    public bool? HigherIsBetter { get; init; }
    /// <summary>
    /// For repeated runs: the sum of per-item values in [0, 1] (Value = ItemSuccesses / N, N counts items); the
    /// interval is a Wilson interval over the items, never over the runs.
    /// </summary>
    public double? ItemSuccesses { get; init; }
    /// <summary>For repeated runs: how many runs the N items had in all.</summary>
    public long? Runs { get; init; }
    /// <summary>Why there is no interval although n is known (too few samples for a tail percentile …).</summary>
    public string? NoIntervalReason { get; init; }
}
