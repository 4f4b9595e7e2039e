namespace Gates.ManifestBump.Registry;

/// <summary>What a promotion by alias did: before and after, the tags written (as read back) and the training lineage.</summary>
internal sealed record AliasResult
{
    /// <summary>changed | unchanged | dry-run | conflict.</summary>
    public required string Outcome { get; init; }
    public required string Model { get; init; }
    public required string Alias { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }

    /// <summary>The version asked for (null: the alias is removed).</summary>
    public string? Version { get; init; }
    public string? Source { get; init; }
    public IReadOnlyDictionary<string, string> TagsWritten { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Training { get; init; } = new Dictionary<string, string>();
    public int Attempts { get; init; }
    public required string Message { get; init; }
}
