using System.Buffers;
using System.Text;

namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// Item ids kept compactly and exactly: each id's UTF-8 bytes once, in pages of an arena (with a length prefix), a
/// 64-bit locator per id, and an open-addressing table of positions keyed by a hash of the bytes. A hash only picks
/// the slot; ids are equal only when their bytes are, so two ids whose hashes collide are never paired.
/// About 17 bytes and the id's length per id (at a million ids), against some 100 for a string in a dictionary.
/// A table may extend another file's (<see cref="IdTable(IdTable)"/>): an id found there keeps that table's position
/// and is not stored again, so a baseline that shares its items with the current results costs a bit per item.
/// </summary>
internal sealed class IdTable
{
    private const int PageSize = 1 << 20;

    private readonly List<byte[]> pages = [];
    private readonly IdTable? shared;
    private readonly ulong[]? sharedSeen;
    private readonly int offset;
    private long[] locators = new long[1024];
    private int[] slots = new int[2048];
    private int stored;
    private int used;
    private byte[] scratch = new byte[256];
    private int encoded;

    public IdTable()
    {
    }

    /// <summary>
    /// A table whose ids found in <paramref name="shared"/> (which must not change any more) take its positions;
    /// the others are stored here, at positions from <c>shared.Length</c> on.
    /// </summary>
    public IdTable(IdTable shared)
    {
        this.shared = shared;
        offset = shared.Length;
        sharedSeen = new ulong[(offset + 63) / 64];
    }

    /// <summary>Ids kept; an id's position is the order it was added in (or its position in the shared table).</summary>
    public int Count { get; private set; }

    /// <summary>One past the highest position an id may have.</summary>
    public int Length => offset + stored;

    /// <summary>True when this table extends <paramref name="other"/>: an id of both has the same position in both.</summary>
    public bool Extends(IdTable other) => ReferenceEquals(shared, other);

    /// <summary>The position of <paramref name="id"/>, adding it at the end when new.</summary>
    public int FindOrAdd(string id, out bool added) =>
        // System.Text.Json never returns a lone surrogate as a string, so every id is well-formed UTF-16 and its
        // UTF-8 bytes give it back exactly; an ill-formed one would lose a character, so it is refused.
        Encode(id) ? FindOrAdd(scratch.AsSpan(0, encoded), out added) : throw new ArgumentException("an item id is not well-formed UTF-16", nameof(id));

    /// <summary>The position of the id with these (well-formed UTF-8) bytes, adding it at the end when new.</summary>
    public int FindOrAdd(ReadOnlySpan<byte> utf8, out bool added)
    {
        var hash = IdHashes.Hash(utf8);
        var position = shared?.Find(utf8, hash) ?? -1;
        if (position >= 0)
        {
            added = (sharedSeen![position >> 6] & (1UL << position)) == 0;
            sharedSeen[position >> 6] |= 1UL << position;
            Count += added ? 1 : 0;
            return position;
        }

        var slot = Lookup(utf8, hash);
        if (slots[slot] != 0)
        {
            added = false;
            return offset + slots[slot] - 1;
        }

        added = true;
        Store(utf8);
        Count++;
        slots[slot] = stored;
        if (stored * 2 > slots.Length)
        {
            Rehash();
        }

        return offset + stored - 1;
    }

    /// <summary>The position of the id with these UTF-8 bytes, or -1.</summary>
    public int Find(ReadOnlySpan<byte> utf8) => Find(utf8, IdHashes.Hash(utf8));

    private int Find(ReadOnlySpan<byte> utf8, ulong hash)
    {
        var position = shared?.Find(utf8, hash) ?? -1;
        if (position >= 0)
        {
            return (sharedSeen![position >> 6] & (1UL << position)) != 0 ? position : -1;
        }

        var own = slots[Lookup(utf8, hash)] - 1;
        return own < 0 ? -1 : offset + own;
    }

    /// <summary>The position of <paramref name="id"/>, or -1. Safe alongside other look-ups (not alongside adding).</summary>
    public int Find(string id)
    {
        var most = Encoding.UTF8.GetMaxByteCount(id.Length);
        var rented = most > 256 ? ArrayPool<byte>.Shared.Rent(most) : null;
        try
        {
            var bytes = rented ?? stackalloc byte[256];
            return System.Text.Unicode.Utf8.FromUtf16(id, bytes, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done
                ? Find(bytes[..written])
                : -1;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The UTF-8 bytes of the id at <paramref name="position"/>.</summary>
    public ReadOnlySpan<byte> Utf8(int position) => position < offset ? shared!.Utf8(position) : Stored(position - offset);

    private ReadOnlySpan<byte> Stored(int index)
    {
        var locator = locators[index];
        var page = pages[(int)(locator >> 32)];
        var offset = (int)locator;
        var length = Read7BitLength(page, ref offset);
        return page.AsSpan(offset, length);
    }

    public string Text(int position) => Encoding.UTF8.GetString(Utf8(position));

    /// <summary>Orders two kept ids as <see cref="StringComparer.Ordinal"/> orders their strings.</summary>
    public int CompareOrdinal(int a, int b) => Utf16Order.Compare(Utf8(a), Utf8(b));

    /// <summary>Puts the id's UTF-8 bytes in the scratch buffer (<see cref="encoded"/> of them); false when it is not well-formed.</summary>
    private bool Encode(string id)
    {
        var most = Encoding.UTF8.GetMaxByteCount(id.Length);
        if (scratch.Length < most)
        {
            scratch = new byte[Math.Max(most, scratch.Length * 2)];
        }

        return System.Text.Unicode.Utf8.FromUtf16(id, scratch, out _, out encoded, replaceInvalidSequences: false) == OperationStatus.Done;
    }

    private int Lookup(ReadOnlySpan<byte> utf8, ulong hash)
    {
        var mask = slots.Length - 1;
        for (var slot = Slot(hash, mask); ; slot = (slot + 1) & mask)
        {
            var entry = slots[slot];
            if (entry == 0 || Stored(entry - 1).SequenceEqual(utf8))
            {
                return slot;
            }
        }
    }

    private void Store(ReadOnlySpan<byte> utf8)
    {
        var need = utf8.Length + 5;
        if (pages.Count == 0 || used + need > pages[^1].Length)
        {
            pages.Add(new byte[Math.Max(PageSize, need)]);
            used = 0;
        }

        if (stored == locators.Length)
        {
            Array.Resize(ref locators, locators.Length * 2);
        }

        locators[stored++] = ((long)(pages.Count - 1) << 32) | (uint)used;
        var page = pages[^1];
        for (var length = (uint)utf8.Length; ; length >>= 7)
        {
            if (length < 0x80)
            {
                page[used++] = (byte)length;
                break;
            }

            page[used++] = (byte)(length | 0x80);
        }

        utf8.CopyTo(page.AsSpan(used));
        used += utf8.Length;
    }

    private void Rehash()
    {
        slots = new int[slots.Length * 2];
        var mask = slots.Length - 1;
        for (var index = 0; index < stored; index++)
        {
            var slot = Slot(IdHashes.Hash(Stored(index)), mask);
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = index + 1;
        }
    }

    private static int Slot(ulong hash, int mask) => (int)((hash ^ (hash >> 29)) * 0xBF58476D1CE4E5B9UL >> 32) & mask;

    private static int Read7BitLength(byte[] page, ref int offset)
    {
        var length = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = page[offset++];
            length |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                return length;
            }
        }
    }
}
