using YamlDotNet.RepresentationModel;

namespace Gates.Core.Thresholds;

/// <summary>A validated threshold file: its gates plus any tool-specific top-level sections.</summary>
public sealed record ThresholdSet
{
    public required string Path { get; init; }
    public required string Sha256 { get; init; }
    public required IReadOnlyList<GateDefinition> Gates { get; init; }
    public IReadOnlyDictionary<string, YamlNode> Sections { get; init; } = new Dictionary<string, YamlNode>();
}
