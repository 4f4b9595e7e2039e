using Gates.Core.Results;

namespace Gates.Core.Statistics.Experiments;

/// <summary>Where a comparison stands: the contrast is shown on the good side, on the bad side, or neither yet.</summary>
public enum ComparisonStatus
{
    Undecided,
    /// <summary>Superiority shown, or non-inferiority shown.</summary>
    Shown,
    /// <summary>The treatment is shown worse (superiority) or worse than the margin allows (non-inferiority).</summary>
    Refuted,
}

/// <summary>
/// One comparison at one look: the arms' values, the difference treatment − control and its relative size, the
/// interval on the contrast (treatment − scale · control), a p-value when the method has one, and the treatment
/// units that would settle it with the stated power if the estimates hold.
/// </summary>
public sealed record ComparisonResult
{
    public required ComparisonStatus Status { get; init; }
    public required double Control { get; init; }
    public required double Treatment { get; init; }
    public double Difference => Treatment - Control;
    public double RelativeDifference => Control != 0 ? (Treatment / Control) - 1 : double.NaN;
    public required Interval Contrast { get; init; }
    public required string Method { get; init; }
    public double? PValue { get; init; }
    public long? NeededTreatmentUnits { get; init; }
    /// <summary>The smallest difference worth detecting, when one was planned.</summary>
    public double? Effect { get; init; }
    /// <summary>Treatment units that would detect a true difference of <see cref="Effect"/> with the stated power.</summary>
    public long? NeededForEffect { get; init; }
}
