using System.Runtime.CompilerServices;
using Gates.Core.Memory;

namespace Gates.DriftCheck.Profiling;

/// <summary>
/// A growing list of values (doubles, or the scaled integers of <see cref="NumberSketch"/>) kept in fixed-size
/// blocks, so growth never copies what is already held; another buffer's blocks can be taken over whole
/// (<see cref="Append"/>), as when the parts of a file read in parallel are joined.
/// </summary>
internal sealed class BlockBuffer<T>
    where T : unmanaged
{
    /// <summary>512 KiB a block, whatever the value's size.</summary>
    private static readonly int BlockSize = (1 << 19) / Unsafe.SizeOf<T>();

    /// <summary>The pages of a block are mapped in 32 KiB at a time (<see cref="FreshPages"/>), as it fills.</summary>
    private static readonly int ChunkSize = (1 << 15) / Unsafe.SizeOf<T>();

    private readonly List<(T[] Block, int Filled)> full = [];
    private T[]? current;
    private int used;
    private int mapped;

    public long Count { get; private set; }

    public void Add(T value)
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

            current = GC.AllocateUninitializedArray<T>(BlockSize);
            used = 0;
            mapped = 0;
        }

        FreshPages.Populate(current, mapped, ChunkSize);
        mapped += ChunkSize;
    }

    /// <summary>Takes over the other buffer's blocks (the other buffer is left empty).</summary>
    public void Append(BlockBuffer<T> other)
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

    /// <summary>The values held, block by block, to read or change in place.</summary>
    public IEnumerable<ArraySegment<T>> Blocks()
    {
        foreach (var (block, filled) in full)
        {
            yield return new ArraySegment<T>(block, 0, filled);
        }

        if (current is not null)
        {
            yield return new ArraySegment<T>(current, 0, used);
        }
    }

    /// <summary>Copies the values into the start of <paramref name="target"/> and releases the blocks.</summary>
    public void DrainInto(Span<T> target)
    {
        var offset = 0;
        foreach (var block in Blocks())
        {
            block.AsSpan().CopyTo(target[offset..]);
            offset += block.Count;
        }

        Clear();
    }

    public void Clear()
    {
        full.Clear();
        current = null;
        used = 0;
        mapped = 0;
        Count = 0;
    }
}
