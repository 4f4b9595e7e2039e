using System.Runtime.InteropServices;
using System.Text;

namespace Gates.DriftCheck.Profiling;

/// <summary>
/// Counts distinct UTF-8 values without allocating for values already seen. Stops taking new values once it holds
/// <see cref="Capacity"/> of them; later new values are counted in <see cref="Overflow"/> only. The values are found
/// through an open-addressing table of slots keyed by <see cref="SpanHash"/>: one hash of the cell's bytes, one
/// probe in the common case, one byte comparison. Values keep the order in which they were first seen.
/// </summary>
internal sealed class ByteCounter(int capacity)
{
    private readonly List<byte[]> keys = [];
    private readonly List<long> counts = [];
    private readonly List<int> hashes = [];

    // Slot + 1 per table entry (0: empty); the table is kept at most half full.
    private int[] table = new int[16];

    public int Capacity { get; private set; } = capacity;

    public int Distinct => keys.Count;

    /// <summary>Values that were not counted because the counter was full.</summary>
    public long Overflow { get; private set; }

    public bool IsFull => keys.Count >= Capacity;

    public void Add(ReadOnlySpan<byte> value)
    {
        var hash = SpanHash.Of(value);
        var mask = table.Length - 1;
        var at = hash & mask;
        while (table[at] is var entry and not 0)
        {
            var slot = entry - 1;
            if (hashes[slot] == hash && value.SequenceEqual(keys[slot]))
            {
                CollectionsMarshal.AsSpan(counts)[slot]++;
                return;
            }

            at = (at + 1) & mask;
        }

        if (keys.Count >= Capacity)
        {
            Overflow++;
            return;
        }

        Insert(value.ToArray(), hash, 1, at);
    }

    /// <summary>
    /// Adds another counter's counts: values already here or still within the capacity are counted, the rest go
    /// to <see cref="Overflow"/>, as if the other's values had been added after these.
    /// </summary>
    public void Append(ByteCounter other)
    {
        Capacity = Math.Max(Capacity, other.Capacity);
        Overflow += other.Overflow;
        for (var i = 0; i < other.keys.Count; i++)
        {
            var key = other.keys[i];
            var hash = other.hashes[i];
            var (slot, at) = Find(key, hash);
            if (slot >= 0)
            {
                counts[slot] += other.counts[i];
            }
            else if (keys.Count < Capacity)
            {
                Insert(key, hash, other.counts[i], at);
            }
            else
            {
                Overflow += other.counts[i];
            }
        }
    }

    /// <summary>Raises the capacity (never lowers it).</summary>
    public void Raise(int newCapacity) => Capacity = Math.Max(Capacity, newCapacity);

    public IEnumerable<(string Value, long Count)> Entries()
    {
        for (var i = 0; i < keys.Count; i++)
        {
            yield return (Encoding.UTF8.GetString(keys[i]), counts[i]);
        }
    }

    /// <summary>The slot holding the value (−1 when absent) and the free table entry where it would go.</summary>
    private (int Slot, int At) Find(ReadOnlySpan<byte> value, int hash)
    {
        var mask = table.Length - 1;
        var at = hash & mask;
        while (table[at] is var entry and not 0)
        {
            if (hashes[entry - 1] == hash && value.SequenceEqual(keys[entry - 1]))
            {
                return (entry - 1, at);
            }

            at = (at + 1) & mask;
        }

        return (-1, at);
    }

    private void Insert(byte[] key, int hash, long count, int at)
    {
        table[at] = keys.Count + 1;
        keys.Add(key);
        hashes.Add(hash);
        counts.Add(count);
        if (keys.Count * 2 > table.Length)
        {
            Grow();
        }
    }

    private void Grow()
    {
        table = new int[table.Length * 2];
        var mask = table.Length - 1;
        for (var slot = 0; slot < keys.Count; slot++)
        {
            var at = hashes[slot] & mask;
            while (table[at] != 0)
            {
                at = (at + 1) & mask;
            }

            table[at] = slot + 1;
        }
    }
}
