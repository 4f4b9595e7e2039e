namespace Gates.DriftCheck.Profiling;

/// <summary>The profiles of every column of one data set, and where the data came from.</summary>
internal sealed record TableProfile
{
    /// <summary>The data file, or the profile file it was read from.</summary>
    public required string Path { get; init; }
    public required string Sha256 { get; init; }
    public required long Rows { get; init; }
    public required IReadOnlyList<ColumnProfile> Columns { get; init; }

    /// <summary>For a saved profile: the data file it was made from (name, sha256).</summary>
    public string? SourceName { get; init; }
    public string? SourceSha256 { get; init; }

    /// <summary>"csv", "jsonl" or "profile".</summary>
    public required string Format { get; init; }

    public ColumnProfile? Find(string name) => Columns.FirstOrDefault(c => c.Name == name);
}
