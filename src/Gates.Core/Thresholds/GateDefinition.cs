using YamlDotNet.RepresentationModel;

namespace Gates.Core.Thresholds;

/// <summary>How a gate with a known interval is decided.</summary>
public enum DecisionMode
{
    /// <summary>The point value decides; an interval that straddles the threshold is flagged borderline.</summary>
    Point,

    /// <summary>The interval decides: all good side passes, all bad side fails, otherwise inconclusive.</summary>
    Confident,
}

/// <summary>How a value is compared with the baseline in the explicit <c>delta:</c> form.</summary>
public enum DeltaMode
{
    /// <summary>current − baseline, in the metric's own units (0.02 is two points).</summary>
    Absolute,

    /// <summary>(current − baseline) / |baseline| (0.02 is two per cent of the baseline).</summary>
    Relative,
}

/// <summary>One gate of a threshold file, validated.</summary>
public sealed record GateDefinition
{
    public required string Name { get; init; }
    public required string Metric { get; init; }
    public required Comparison Comparison { get; init; }
    public required double Threshold { get; init; }
    public double? Warn { get; init; }
    public double Tolerance { get; init; }
    public bool Required { get; init; } = true;
    public string? Description { get; init; }
    public DecisionMode Decision { get; init; } = DecisionMode.Point;
    public double Confidence { get; init; } = 0.95;
    public DeltaMode? Delta { get; init; }
    /// <summary>1-based line of the gate in its file.</summary>
    public int Line { get; init; }
    /// <summary>The gate's YAML mapping, for tool-specific keys.</summary>
    public YamlMappingNode? Node { get; init; }
}
