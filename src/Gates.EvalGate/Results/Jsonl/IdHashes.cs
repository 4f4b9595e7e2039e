namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// A set of 64-bit hashes of item ids (open addressing, 8 bytes a slot): how a read that keeps no items notices that
/// an id repeats without holding the ids. A hash can collide, so a hit only says "maybe": the reader then reads the
/// file again keeping the ids themselves, which decides exactly.
/// </summary>
internal sealed class IdHashes
{
    private ulong[] slots = new ulong[1 << 12];
    private int count;

    public static ulong Hash(ReadOnlySpan<byte> utf8)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in utf8)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        // 0 marks an empty slot.
        return hash == 0 ? 1 : hash;
    }

    /// <summary>Adds the hash; false when it was there already.</summary>
    public bool Add(ulong hash)
    {
        var mask = slots.Length - 1;
        var slot = (int)(Mix(hash) & (ulong)mask);
        while (slots[slot] != 0)
        {
            if (slots[slot] == hash)
            {
                return false;
            }

            slot = (slot + 1) & mask;
        }

        slots[slot] = hash;
        if (++count * 2 > slots.Length)
        {
            Grow();
        }

        return true;
    }

    private void Grow()
    {
        var old = slots;
        slots = new ulong[old.Length * 2];
        var mask = slots.Length - 1;
        foreach (var hash in old)
        {
            if (hash == 0)
            {
                continue;
            }

            var slot = (int)(Mix(hash) & (ulong)mask);
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = hash;
        }
    }

    private static ulong Mix(ulong hash) => (hash ^ (hash >> 29)) * 0xBF58476D1CE4E5B9UL >> 16;
}
