using System.Buffers.Binary;

namespace Gates.DriftCheck.Profiling;

/// <summary>
/// A fast hash of a short byte string (category values are mostly a few to a few dozen bytes): 8-byte words folded
/// by a 64 × 64 → 128-bit multiply, with a seed chosen per process so that a crafted file cannot aim at collisions.
/// </summary>
internal static class SpanHash
{
    private const ulong Odd1 = 0x9E3779B97F4A7C15;
    private const ulong Odd2 = 0xD6E8FEB86659FD93;

    private static readonly ulong Seed = (ulong)Random.Shared.NextInt64() | 1;

    public static int Of(ReadOnlySpan<byte> s)
    {
        var h = Seed ^ ((ulong)s.Length * Odd1);
        while (s.Length > 16)
        {
            h = Mix(BinaryPrimitives.ReadUInt64LittleEndian(s) ^ h, BinaryPrimitives.ReadUInt64LittleEndian(s[8..]) ^ Odd2);
            s = s[16..];
        }

        ulong a;
        ulong b;
        if (s.Length >= 8)
        {
            // 8 to 16 bytes: the first and the last eight (they may overlap).
            a = BinaryPrimitives.ReadUInt64LittleEndian(s);
            b = BinaryPrimitives.ReadUInt64LittleEndian(s[^8..]);
        }
        else if (s.Length >= 4)
        {
            a = BinaryPrimitives.ReadUInt32LittleEndian(s);
            b = BinaryPrimitives.ReadUInt32LittleEndian(s[^4..]);
        }
        else
        {
            a = s.Length == 0 ? 0 : ((ulong)s[0] << 16) | ((ulong)s[s.Length >> 1] << 8) | s[^1];
            b = 0;
        }

        h = Mix(a ^ h, b ^ Odd2 ^ (ulong)s.Length);
        return (int)(h ^ (h >> 32));
    }

    private static ulong Mix(ulong a, ulong b)
    {
        var high = Math.BigMul(a, b, out var low);
        return high ^ low;
    }
}
