using YamlDotNet.RepresentationModel;

namespace Gates.Core.Thresholds;

/// <summary>A validated threshold file: its gates plus any tool-specific top-level sections.</summary>
public sealed record ThresholdSet
{
    public required string Path { get; init; }
    public required string Sha256 { get; init; }
    public required IReadOnlyList<GateDefinition> Gates { get; init; }
    /// <summary>Family-wise control over the confident gates, from <c>defaults.family_wise</c>.</summary>
    public FamilyWiseControl FamilyWise { get; init; }
    public IReadOnlyDictionary<string, YamlNode> Sections { get; init; } = new Dictionary<string, YamlNode>();
}

/// <summary>How several confident gates of one run are controlled together.</summary>
public enum FamilyWiseControl
{
    /// <summary>Each gate at its own confidence level.</summary>
    None,

    /// <summary>Holm's step-down: the chance that any confident gate passes wrongly stays at 1 − confidence.</summary>
    Holm,
}
