namespace Gates.CanaryValidate.Analysis;

/// <summary>The statistical settings of one gate's decision.</summary>
internal sealed record DecisionSettings
{
    /// <summary>The error rate of this gate's confidence sequence (the analysis alpha split over the gates).</summary>
    public required double Alpha { get; init; }
    public long MinSamples { get; init; } = 100;
    /// <summary>Canary observations at which the sequences are tightest (the expected canary total).</summary>
    public double CanaryTuning { get; init; } = 2_000;
    /// <summary>Configured canary share of traffic, used for sample needs before the canary has traffic.</summary>
    public double? ExpectedShare { get; init; }
    public double Power { get; init; } = 0.8;
}
