namespace Gates.DriftCheck.Profiling;

/// <summary>
/// A growing list of doubles kept in fixed-size blocks, so growth never copies what is already held; another
/// buffer's blocks can be taken over whole (<see cref="Append"/>), as when the parts of a file read in parallel are joined.
/// </summary>
internal sealed class DoubleBuffer
{
    private const int BlockSize = 1 << 16;

    /// <summary>The pages of a block are mapped in this many values (32 KiB) at a time (<see cref="FreshPages"/>), as it fills.</summary>
    private const int ChunkSize = 1 << 12;

    private readonly List<(double[] Block, int Filled)> full = [];
    private double[]? current;
    private int used;
    private int mapped;

    public long Count { get; private set; }

    public void Add(double value)
    {
        if (used == mapped)
        {
            NextChunk();
        }

        current![used++] = value;
        Count++;
    }

    private void NextChunk()
    {
        if (current is null || used == current.Length)
        {
            if (current is not null)
            {
                full.Add((current, used));
            }

            current = GC.AllocateUninitializedArray<double>(BlockSize);
            used = 0;
            mapped = 0;
        }

        FreshPages.Populate(current, mapped, ChunkSize);
        mapped += ChunkSize;
    }

    /// <summary>Takes over the other buffer's blocks (the other buffer is left empty).</summary>
    public void Append(DoubleBuffer other)
    {
        if (current is not null)
        {
            full.Add((current, used));
            current = null;
            used = 0;
            mapped = 0;
        }

        full.AddRange(other.full);
        if (other.current is not null)
        {
            full.Add((other.current, other.used));
        }

        Count += other.Count;
        other.Clear();
    }

    /// <summary>Copies the values into the start of <paramref name="target"/> and releases the blocks.</summary>
    public void DrainInto(Span<double> target)
    {
        var offset = 0;
        foreach (var (block, filled) in full)
        {
            block.AsSpan(0, filled).CopyTo(target[offset..]);
            offset += filled;
        }

        current?.AsSpan(0, used).CopyTo(target[offset..]);
        Clear();
    }

    private void Clear()
    {
        full.Clear();
        current = null;
        used = 0;
        mapped = 0;
        Count = 0;
    }
}
