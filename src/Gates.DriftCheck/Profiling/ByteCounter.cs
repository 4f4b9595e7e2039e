using System.Runtime.InteropServices;
using System.Text;

namespace Gates.DriftCheck.Profiling;

/// <summary>
/// Counts distinct UTF-8 values without allocating for values already seen. Stops taking new values once it holds
/// <see cref="Capacity"/> of them; later new values are counted in <see cref="Overflow"/> only.
/// </summary>
internal sealed class ByteCounter(int capacity)
{
    private readonly Dictionary<byte[], int> index = new(ByteArrayComparer.Instance);
    private readonly List<byte[]> keys = [];
    private readonly List<long> counts = [];
    private Dictionary<byte[], int>.AlternateLookup<ReadOnlySpan<byte>> lookup;
    private bool lookupReady;

    public int Capacity { get; private set; } = capacity;

    public int Distinct => keys.Count;

    /// <summary>Values that were not counted because the counter was full.</summary>
    public long Overflow { get; private set; }

    public bool IsFull => keys.Count >= Capacity;

    public void Add(ReadOnlySpan<byte> value)
    {
        if (!lookupReady)
        {
            lookup = index.GetAlternateLookup<ReadOnlySpan<byte>>();
            lookupReady = true;
        }

        if (lookup.TryGetValue(value, out var slot))
        {
            CollectionsMarshal.AsSpan(counts)[slot]++;
            return;
        }

        if (keys.Count >= Capacity)
        {
            Overflow++;
            return;
        }

        var key = value.ToArray();
        index.Add(key, keys.Count);
        keys.Add(key);
        counts.Add(1);
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
            if (index.TryGetValue(key, out var slot))
            {
                counts[slot] += other.counts[i];
            }
            else if (keys.Count < Capacity)
            {
                index.Add(key, keys.Count);
                keys.Add(key);
                counts.Add(other.counts[i]);
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

    private sealed class ByteArrayComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly ByteArrayComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => GetHashCode((ReadOnlySpan<byte>)obj);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = new HashCode();
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}
