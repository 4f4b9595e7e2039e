using Gates.CanaryValidate.Analysis;
using Gates.Core.Results;
using Gates.Core.Statistics.Experiments;

namespace Gates.CanaryValidate.AbTest;

/// <summary>Where one metric stands at a look.</summary>
internal enum AbMetricStatus
{
    NoData,
    TooFewSamples,
    Undecided,
    Shown,
    Refuted,
    ReportOnly,
}

/// <summary>One metric at one look: its role (primary or secondary), counts and comparison.</summary>
internal sealed record AbMetricLook(string Metric, string Role, AbMetricStatus Status, long ControlN, long TreatmentN, ComparisonResult? Result, string Reason);

/// <summary>One guardrail at one look: the treatment over the trailing window against the threshold.</summary>
internal sealed record AbGuardrailLook(string Metric, double Threshold, TimeSpan Window, long N, double? Value, Interval? Interval, bool Breached);

internal sealed record AbLook(int Number, DateTimeOffset At, ArmTraffic? Traffic, IReadOnlyList<AbMetricLook> Metrics, IReadOnlyList<AbGuardrailLook> Guardrails);

/// <summary>The decision of one run of an experiment, with every look it recomputed.</summary>
internal sealed record AbOutcome
{
    public required CanaryDecision Decision { get; init; }
    public required string Reason { get; init; }
    public required IReadOnlyList<AbLook> Looks { get; init; }
    /// <summary>The look the decision was made at (or the last one available).</summary>
    public required int Look { get; init; }
    public required int TotalLooks { get; init; }
    public required TimeSpan Remaining { get; init; }
    public required IReadOnlyList<string> Warnings { get; init; }
    public double? SrmPValue { get; init; }
    public (long Control, long Treatment)? PlannedUnits { get; init; }
    public IReadOnlyDictionary<string, (double? Control, double? Treatment)> Quantiles { get; init; } = new Dictionary<string, (double?, double?)>();

    public AbLook? Last => Looks.Count > 0 ? Looks[^1] : null;
}
