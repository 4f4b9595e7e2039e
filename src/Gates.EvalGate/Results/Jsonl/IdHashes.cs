using System.Runtime.InteropServices;
using Gates.Core.Memory;

namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// The 64-bit hashes of item ids (8 bytes an item): how a read that keeps no items notices that an id repeats without
/// holding the ids. Adding only appends to fixed-size blocks (never copying or clearing what was added) and counts
/// the hashes by their top byte (each new block's pages are mapped in at once, <see cref="FreshPages"/>);
/// <see cref="AnyRepeat"/> then moves them, in place, into 256 buckets by that byte and looks for a repeat in each small
/// bucket with a small hash set (on every core): far cheaper than probing a table of a million
/// slots once per item. A hash can collide, so a repeat only says "maybe": the reader then reads the file again
/// keeping the ids themselves, which decides exactly.
/// </summary>
internal sealed class IdHashes
{
    private const int BlockBits = 14;
    private const int BlockSize = 1 << BlockBits;
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
            block = GC.AllocateUninitializedArray<ulong>(BlockSize);
            FreshPages.Populate(block, 0, BlockSize);
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

        SortByTopByte(starts);
        var repeat = 0;
        Parallel.For(0, 256, () => Array.Empty<ulong>(), (index, _, seen) =>
        {
            if (Volatile.Read(ref repeat) == 0 && HasRepeat(starts[index], counts[index], ref seen))
            {
                Volatile.Write(ref repeat, 1);
            }

            return seen;
        }, _ => { });
        return repeat != 0;
    }

    /// <summary>
    /// Puts every hash of top byte b at positions starts[b]..starts[b + 1] of the blocks, in place (no second array
    /// of every hash): each misplaced hash is swapped straight into the next free place of its bucket.
    /// </summary>
    private void SortByTopByte(int[] starts)
    {
        const int Mask = BlockSize - 1;
        var all = CollectionsMarshal.AsSpan(blocks);
        var next = starts[..256];
        for (var bucket = 0; bucket < 256; bucket++)
        {
            var end = starts[bucket + 1];
            while (next[bucket] < end)
            {
                var at = next[bucket];
                ref var place = ref all[at >> BlockBits][at & Mask];
                var hash = place;
                var top = (int)(hash >> 56);
                while (top != bucket)
                {
                    var to = next[top]++;
                    ref var other = ref all[to >> BlockBits][to & Mask];
                    (hash, other) = (other, hash);
                    top = (int)(hash >> 56);
                }

                place = hash;
                next[bucket]++;
            }
        }
    }

    /// <summary>Whether the <paramref name="count"/> hashes (none 0) from <paramref name="start"/> hold one twice: open addressing on their low bits.</summary>
    private bool HasRepeat(int start, int count, ref ulong[] seen)
    {
        var size = 16;
        while (size < count * 2)
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
        for (var at = start; at < start + count;)
        {
            var offset = at & (BlockSize - 1);
            var length = Math.Min(BlockSize - offset, start + count - at);
            if (AnyInSet(blocks[at >> BlockBits].AsSpan(offset, length), seen, mask))
            {
                return true;
            }

            at += length;
        }

        return false;
    }

    /// <summary>Adds each hash to the set <paramref name="seen"/>; true at the first that is already there.</summary>
    private static bool AnyInSet(ReadOnlySpan<ulong> hashes, ulong[] seen, int mask)
    {
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
