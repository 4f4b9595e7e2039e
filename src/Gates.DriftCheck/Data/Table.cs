using Gates.DriftCheck.Profiling;

namespace Gates.DriftCheck.Data;

/// <summary>One data file after a single pass: its columns' accumulators and where it came from.</summary>
internal sealed record Table
{
    public required string Path { get; init; }
    public required string Sha256 { get; init; }
    public required TableFormat Format { get; init; }
    public char? Delimiter { get; init; }
    public required long Rows { get; init; }
    public required IReadOnlyList<ColumnAccumulator> Columns { get; init; }
}
