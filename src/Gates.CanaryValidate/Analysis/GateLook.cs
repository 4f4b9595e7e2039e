using Gates.Core.Results;

namespace Gates.CanaryValidate.Analysis;

/// <summary>One gate at one look: the estimates, the confidence sequence of the gated value and what it says.</summary>
internal sealed record GateLook
{
    public required string Gate { get; init; }
    public required GateStatus Status { get; init; }
    /// <summary>The gated value: the canary's estimate, or the delta against the baseline.</summary>
    public double? Value { get; init; }
    public double? Canary { get; init; }
    public double? Baseline { get; init; }
    /// <summary>The confidence sequence of the gated value (for a relative delta: relative to the baseline).</summary>
    public Interval? Interval { get; init; }
    /// <summary>The sequence on the scale the decision is made on (see <see cref="GateDecider"/>).</summary>
    public Interval? Contrast { get; init; }
    public long CanaryN { get; init; }
    public long? BaselineN { get; init; }
    public required string Method { get; init; }
    /// <summary>Canary observations that would settle the gate with 80 % probability if the estimates hold.</summary>
    public long? NeededCanaryN { get; init; }
    public required string Reason { get; init; }
}
