namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// The 64-bit hashes of item ids (8 bytes an item): how a read that keeps no items notices that an id repeats without
/// holding the ids. Adding only appends, to one of 256 buckets by the hash's top byte; <see cref="AnyRepeat"/> then
/// sorts each small bucket (on every core) and compares neighbours, far cheaper than probing a table of a million
/// slots once per item. A hash can collide, so a repeat only says "maybe": the reader then reads the file again
/// keeping the ids themselves, which decides exactly.
/// </summary>
internal sealed class IdHashes
{
    private readonly ulong[][] buckets = new ulong[256][];
    private readonly int[] counts = new int[256];

    public static ulong Hash(ReadOnlySpan<byte> utf8)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in utf8)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        // Spread the bits (FNV-1a's top byte is weak for short keys that differ in their last bytes); 0 means "no id".
        hash = (hash ^ (hash >> 33)) * 0xFF51AFD7ED558CCDUL;
        hash ^= hash >> 33;
        return hash == 0 ? 1 : hash;
    }

    public void Add(ulong hash)
    {
        var index = (int)(hash >> 56);
        ref var bucket = ref buckets[index];
        bucket ??= new ulong[64];
        if (counts[index] == bucket.Length)
        {
            Array.Resize(ref bucket, bucket.Length * 2);
        }

        bucket[counts[index]++] = hash;
    }

    /// <summary>True when some hash was added twice (then an id may repeat).</summary>
    public bool AnyRepeat()
    {
        var repeat = 0;
        Parallel.For(0, buckets.Length, index =>
        {
            if (buckets[index] is not { } bucket || Volatile.Read(ref repeat) != 0)
            {
                return;
            }

            var hashes = bucket.AsSpan(0, counts[index]);
            hashes.Sort();
            for (var i = 1; i < hashes.Length; i++)
            {
                if (hashes[i] == hashes[i - 1])
                {
                    Volatile.Write(ref repeat, 1);
                    return;
                }
            }
        });
        return repeat != 0;
    }
}
