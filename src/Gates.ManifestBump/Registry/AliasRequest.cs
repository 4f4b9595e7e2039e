namespace Gates.ManifestBump.Registry;

/// <summary>One promotion by alias: point <see cref="Alias"/> of <see cref="Model"/> at <see cref="To"/>.</summary>
internal sealed record AliasRequest
{
    public required string Model { get; init; }
    public required string Alias { get; init; }

    /// <summary>A version (number for MLflow, name for Kubeflow) or another alias; null removes the alias (a rollback to "none").</summary>
    public string? To { get; init; }

    /// <summary>Guard: the version the alias must still point at ("none": must not exist); null: no guard.</summary>
    public string? ExpectCurrent { get; init; }

    public bool DryRun { get; init; }

    /// <summary>How many times a write that does not read back yet is written again before it is a conflict.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Lineage tags for the promoted version (<see cref="LineageTags"/>), without the previous version.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>The mark this promotion leaves next to the alias, to see another writer in the read-back.</summary>
    public required string Writer { get; init; }

    public const string None = "none";
}
