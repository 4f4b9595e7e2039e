namespace Gates.ManifestBump.Registry;

/// <summary>
/// What a promotion by alias needs from a model registry (MLflow, Kubeflow Model Registry). Neither has
/// compare-and-set, so <see cref="AliasPromoter"/> reads back: every write is paired with a writer mark it can check.
/// </summary>
internal interface IModelRegistry
{
    /// <summary>"mlflow" or "kubeflow".</summary>
    string Kind { get; }

    /// <summary>Where the registry is, for messages and the report (never with a token).</summary>
    string Url { get; }

    /// <summary>A version number or name as given, or the version an alias points at.</summary>
    Task<string> ResolveAsync(string model, string versionOrAlias, CancellationToken ct);

    Task<RegistryVersion> ReadVersionAsync(string model, string version, CancellationToken ct);

    Task<AliasPointer> ReadAliasAsync(string model, string alias, CancellationToken ct);

    /// <summary>Points the alias at <paramref name="version"/> (null removes it) and records <paramref name="writer"/> next to it.</summary>
    Task WriteAliasAsync(string model, string alias, string? version, string writer, CancellationToken ct);

    Task WriteTagsAsync(string model, string version, IReadOnlyDictionary<string, string> tags, CancellationToken ct);
}

/// <summary>The version an alias points at (null: no such alias) and the mark of the promotion that wrote it last.</summary>
internal sealed record AliasPointer(string? Version, string? Writer);

/// <summary>A model version: its artifact URI, its tags or custom properties, and whether it is archived.</summary>
internal sealed record RegistryVersion(string Version, string? Source, IReadOnlyDictionary<string, string> Tags, bool Archived = false);
