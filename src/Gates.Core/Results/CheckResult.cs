using Gates.Core.Thresholds;

namespace Gates.Core.Results;

/// <summary>One evaluated check. A failed check is data, never an exception.</summary>
public sealed record CheckResult
{
    public required string Name { get; init; }
    public string? Metric { get; init; }
    public string? Description { get; init; }
    public double? Observed { get; init; }
    public Comparison? Comparison { get; init; }
    public double? Threshold { get; init; }
    public double? WarnThreshold { get; init; }
    public required Verdict Verdict { get; init; }
    public required string Reason { get; init; }
    public bool Required { get; init; } = true;
    public long? N { get; init; }
    public Interval? Interval { get; init; }
    public string? Method { get; init; }
    public double? PValue { get; init; }
    public double? BaselineValue { get; init; }
    public double? Delta { get; init; }
    /// <summary>
    /// What the threshold, warn threshold and interval apply to when it is not <see cref="Observed"/>:
    /// <see cref="CheckValues.DeltaCompared"/> (<see cref="Delta"/>) or <see cref="CheckValues.RelativeDeltaCompared"/>
    /// (<see cref="Delta"/> / |<see cref="BaselineValue"/>|). Null for a check on the value itself.
    /// </summary>
    public string? Compared { get; init; }
    /// <summary>The interval straddles the threshold: the point value decided, but noise could flip it.</summary>
    public bool Borderline { get; init; }
    /// <summary>Total sample size that would let the interval resolve the threshold, when known.</summary>
    public long? SamplesToResolve { get; init; }
}
