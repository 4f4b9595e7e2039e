using Gates.DriftCheck.Profiling;

namespace Gates.DriftCheck.Data;

/// <summary>How data files are read.</summary>
internal sealed record TableReadOptions
{
    public TableFormat Format { get; init; } = TableFormat.Auto;

    /// <summary>CSV field separator; null detects it from the first lines (, ; tab or |).</summary>
    public char? Delimiter { get; init; }

    public MissingValues Missing { get; init; } = MissingValues.Default;

    /// <summary>A longer value makes its column untestable (a sign of a broken quote or an embedded blob).</summary>
    public int MaxFieldBytes { get; init; } = 1 << 20;

    /// <summary>Distinct values counted per column; beyond it values are pooled as "other".</summary>
    public int MaxDistinct { get; init; } = 100_000;

    /// <summary>Text samples and embedding vectors kept beside the profile (null: none).</summary>
    public ColumnSamples? Samples { get; init; }

    /// <summary>Numbers per column kept exactly; beyond it they are summarised in a mergeable sketch (<see cref="NumberSketch"/>).</summary>
    public int ExactNumbers { get; init; } = NumberSketch.DefaultExactLimit;

    /// <summary>An accumulator for one column read with these options.</summary>
    public ColumnAccumulator NewColumn(string name, long missingBefore = 0) =>
        new(name, Missing, MaxFieldBytes, MaxDistinct, missingBefore, ExactNumbers) { Sink = Samples?.SinkFor(name) };
}
