using System.Text.Json.Nodes;

namespace Gates.Core.Results;

/// <summary>The versioned result of one tool run; see docs/report-format.md.</summary>
public sealed record GateReport
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required ToolInfo Tool { get; init; }
    public Subject Subject { get; init; } = new();
    public required Verdict Verdict { get; init; }
    public required string Summary { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required double DurationSeconds { get; init; }
    public IReadOnlyList<InputFile> Inputs { get; init; } = [];
    public InputFile? Thresholds { get; init; }
    public required IReadOnlyList<CheckResult> Checks { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>Tool-specific detail, keyed by tool name (for example "eval-gate").</summary>
    public IReadOnlyDictionary<string, JsonNode?>? Details { get; init; }
}

public sealed record ToolInfo(string Name, string Version);

public sealed record Subject
{
    public string? Model { get; init; }
    public string? Version { get; init; }
    public string? Commit { get; init; }
}

/// <summary>A file the run read, with its role ("results", "baseline", "thresholds" …) and sha256.</summary>
public sealed record InputFile(string Role, string Path, string Sha256);
