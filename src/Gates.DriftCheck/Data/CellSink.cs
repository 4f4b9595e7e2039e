namespace Gates.DriftCheck.Data;

/// <summary>
/// Receives a column's cells next to (or, when <see cref="Replaces"/>, instead of) the column's summaries: text samples
/// and embedding vectors, which a profile does not keep.
/// </summary>
internal abstract class CellSink
{
    /// <summary>True for embedding parts: the column is not profiled as a column of its own.</summary>
    public abstract bool Replaces { get; }

    public abstract void Add(ReadOnlySpan<byte> cell, long row);

    public abstract void AddMissing(long row);
}
