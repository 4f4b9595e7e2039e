namespace Gates.Core.Thresholds;

/// <summary>What a tool adds to the shared grammar: top-level sections and per-gate keys of its own.</summary>
public sealed record ThresholdReadOptions
{
    public static readonly ThresholdReadOptions Default = new();

    public IReadOnlySet<string> Sections { get; init; } = new HashSet<string>();
    public IReadOnlySet<string> GateKeys { get; init; } = new HashSet<string>();
    /// <summary>When false a gate may omit <c>metric:</c> (tools whose gates name something else).</summary>
    public bool MetricRequired { get; init; } = true;
}
