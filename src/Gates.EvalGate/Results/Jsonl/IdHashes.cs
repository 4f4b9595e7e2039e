namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// The 64-bit hashes of item ids (8 bytes an item): how a read that keeps no items notices that an id repeats without
/// holding the ids. Adding only appends to fixed-size blocks (never copying or clearing what was added) and counts
/// the hashes by their top byte; <see cref="AnyRepeat"/> then moves them into 256 buckets by that byte and looks for a
/// repeat in each small bucket with a small hash set (on every core): far cheaper than probing a table of a million
/// slots once per item. A hash can collide, so a repeat only says "maybe": the reader then reads the file again
/// keeping the ids themselves, which decides exactly.
/// </summary>
internal sealed class IdHashes
{
    private const int BlockSize = 1 << 14;
    private readonly List<ulong[]> blocks = [];
    private readonly int[] counts = new int[256];
    private ulong[] block = [];
    private int used;

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
        if (used == block.Length)
        {
            block = new ulong[BlockSize];
            blocks.Add(block);
            used = 0;
        }

        block[used++] = hash;
        counts[(int)(hash >> 56)]++;
    }

    /// <summary>True when some hash was added twice (then an id may repeat).</summary>
    public bool AnyRepeat()
    {
        var starts = new int[257];
        for (var i = 0; i < 256; i++)
        {
            starts[i + 1] = starts[i] + counts[i];
        }

        var sorted = new ulong[starts[256]];
        var next = starts[..256];
        for (var b = 0; b < blocks.Count; b++)
        {
            foreach (var hash in blocks[b].AsSpan(0, b == blocks.Count - 1 ? used : BlockSize))
            {
                sorted[next[(int)(hash >> 56)]++] = hash;
            }
        }

        var repeat = 0;
        Parallel.For(0, 256, () => Array.Empty<ulong>(), (index, _, seen) =>
        {
            if (Volatile.Read(ref repeat) == 0 && HasRepeat(sorted.AsSpan(starts[index], counts[index]), ref seen))
            {
                Volatile.Write(ref repeat, 1);
            }

            return seen;
        }, _ => { });
        return repeat != 0;
    }

    /// <summary>Whether <paramref name="hashes"/> (none 0) holds one twice: open addressing on their low bits.</summary>
    private static bool HasRepeat(ReadOnlySpan<ulong> hashes, ref ulong[] seen)
    {
        var size = 16;
        while (size < hashes.Length * 2)
        {
            size *= 2;
        }

        if (seen.Length < size)
        {
            seen = new ulong[size];
        }
        else
        {
            Array.Clear(seen, 0, size);
        }

        var mask = size - 1;
        foreach (var hash in hashes)
        {
            var slot = (int)hash & mask;
            while (seen[slot] != 0)
            {
                if (seen[slot] == hash)
                {
                    return true;
                }

                slot = (slot + 1) & mask;
            }

            seen[slot] = hash;
        }

        return false;
    }
}
