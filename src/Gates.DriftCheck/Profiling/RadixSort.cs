using System.Runtime.InteropServices;

namespace Gates.DriftCheck.Profiling;

/// <summary>
/// Sorts finite doubles ascending by an LSD radix sort on their bits (11-bit digits, digits that every value shares
/// are skipped): a few linear passes instead of a comparison sort, with one scratch array of the same length.
/// </summary>
internal static class RadixSort
{
    private const int Bits = 11;
    private const int Buckets = 1 << Bits;
    private const int Passes = (64 + Bits - 1) / Bits;
    private const ulong Sign = 1UL << 63;

    public static void Sort(Span<double> values)
    {
        if (values.Length < 4096)
        {
            values.Sort();
            return;
        }

        var keys = MemoryMarshal.Cast<double, ulong>(values);
        for (var i = 0; i < keys.Length; i++)
        {
            var k = keys[i];
            keys[i] = (k & Sign) != 0 ? ~k : k | Sign;
        }

        var counts = new int[Passes * Buckets];
        foreach (var k in keys)
        {
            for (var p = 0; p < Passes; p++)
            {
                counts[(p * Buckets) + (int)((k >> (p * Bits)) & (Buckets - 1))]++;
            }
        }

        var pooled = SortBuffers.Rent(keys.Length);
        var from = keys;
        var to = MemoryMarshal.Cast<double, ulong>(pooled.AsSpan(0, keys.Length));
        for (var p = 0; p < Passes; p++)
        {
            var histogram = counts.AsSpan(p * Buckets, Buckets);
            if (!ToStarts(histogram, keys.Length))
            {
                continue;
            }

            var shift = p * Bits;
            foreach (var k in from)
            {
                to[histogram[(int)((k >> shift) & (Buckets - 1))]++] = k;
            }

            var swap = from;
            from = to;
            to = swap;
        }

        if (from != keys)
        {
            from.CopyTo(keys);
        }

        for (var i = 0; i < keys.Length; i++)
        {
            var k = keys[i];
            keys[i] = (k & Sign) != 0 ? k & ~Sign : ~k;
        }

        SortBuffers.Return(pooled);
    }

    /// <summary>
    /// Sorts ints ascending the same way (three digits of 11, 11 and 10 bits, shared digits skipped), with
    /// <paramref name="scratch"/> of at least the same length; true when the sorted values ended in the scratch.
    /// </summary>
    public static bool Sort(Span<int> values, Span<int> scratch)
    {
        if (values.Length < 4096)
        {
            values.Sort();
            return false;
        }

        var keys = MemoryMarshal.Cast<int, uint>(values);
        const int passes = 3;
        var counts = new int[passes * Buckets];
        foreach (var v in keys)
        {
            var k = v ^ 0x8000_0000u;
            counts[(int)(k & (Buckets - 1))]++;
            counts[Buckets + (int)((k >> Bits) & (Buckets - 1))]++;
            counts[(2 * Buckets) + (int)(k >> (2 * Bits))]++;
        }

        var from = keys;
        var to = MemoryMarshal.Cast<int, uint>(scratch[..values.Length]);
        var inScratch = false;
        for (var p = 0; p < passes; p++)
        {
            var histogram = counts.AsSpan(p * Buckets, Buckets);
            if (!ToStarts(histogram, keys.Length))
            {
                continue;
            }

            var shift = p * Bits;
            foreach (var v in from)
            {
                to[histogram[(int)(((v ^ 0x8000_0000u) >> shift) & (Buckets - 1))]++] = v;
            }

            var swap = from;
            from = to;
            to = swap;
            inScratch = !inScratch;
        }

        return inScratch;
    }

    /// <summary>
    /// Turns a digit's counts into where each bucket starts; false (and nothing to do) when one bucket holds all
    /// <paramref name="length"/> keys, a digit they share.
    /// </summary>
    private static bool ToStarts(Span<int> histogram, int length)
    {
        if (histogram.Contains(length))
        {
            return false;
        }

        var sum = 0;
        for (var b = 0; b < histogram.Length; b++)
        {
            var c = histogram[b];
            histogram[b] = sum;
            sum += c;
        }

        return true;
    }
}
