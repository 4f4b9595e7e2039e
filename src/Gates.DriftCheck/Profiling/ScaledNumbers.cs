using System.Runtime.InteropServices;

namespace Gates.DriftCheck.Profiling;

/// <summary>
/// A column's numbers held as integers m with one common scale k, each standing for m / 10^k, while every value
/// read has that form (at most <see cref="MaxScale"/> decimals, |m| within an int): half the memory of doubles and
/// a shorter sort. The double of each is m / 10^k, one correctly rounded division of two exact doubles, and that is
/// exactly the double the number's text parses to (<see cref="FastNumber"/>: the same rational, correctly rounded),
/// so the sorted doubles, and every statistic made from them, are bit for bit those of the double path.
/// </summary>
internal sealed class ScaledNumbers
{
    public const int MaxScale = 9;

    private static readonly long[] Factors = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];

    private static readonly double[] Divisors = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];

    private readonly BlockBuffer<int> values = new();
    private int scale;
    private long largest;

    public long Count => values.Count;

    /// <summary>Holds mantissa / 10^digits, unless it does not fit (then false: the value is not held).</summary>
    public bool TryAdd(long mantissa, int digits)
    {
        if (digits > scale && !Rescale(digits))
        {
            return false;
        }

        // |mantissa| <= int.MaxValue and a factor <= 10^9: the product fits in a long, no division needed.
        var size = Math.Abs(mantissa);
        if (size > int.MaxValue)
        {
            return false;
        }

        if (digits != scale)
        {
            mantissa *= Factors[scale - digits];
            size *= Factors[scale - digits];
            if (size > int.MaxValue)
            {
                return false;
            }
        }

        if (size > largest)
        {
            largest = size;
        }

        values.Add((int)mantissa);
        return true;
    }

    /// <summary>Takes over the other's numbers at a common scale; false (nothing changed) when they do not fit it.</summary>
    public bool TryAppend(ScaledNumbers other)
    {
        var common = Math.Max(scale, other.scale);
        if (!CanRescale(common) || !other.CanRescale(common))
        {
            return false;
        }

        Rescale(common);
        other.Rescale(common);
        values.Append(other.values);
        largest = Math.Max(largest, other.largest);
        other.Clear();
        return true;
    }

    /// <summary>The doubles of the numbers held, into <paramref name="target"/>; the numbers are released.</summary>
    public void DrainInto(BlockBuffer<double> target)
    {
        var divisor = Divisors[scale];
        foreach (var block in values.Blocks())
        {
            foreach (var m in block.AsSpan())
            {
                target.Add(m / divisor);
            }
        }

        Clear();
    }

    /// <summary>
    /// The numbers held, sorted, as doubles in the first <see cref="Count"/> places of <paramref name="target"/>
    /// (which must have room for them); the numbers are released. The integers are sorted in the same array: the
    /// first half of its bytes holds them, the second half is the radix sort's scratch.
    /// </summary>
    public void SortInto(double[] target)
    {
        var count = checked((int)Count);
        var ints = MemoryMarshal.Cast<double, int>(target.AsSpan(0, count));
        var keys = ints[..count];
        values.DrainInto(keys);
        var sortedInScratch = RadixSort.Sort(keys, ints[count..]);
        var divisor = Divisors[scale];
        if (sortedInScratch)
        {
            // Double i covers ints 2i and 2i + 1, all below count + i + 1: only ints already read are overwritten.
            var sorted = ints[count..];
            for (var i = 0; i < count; i++)
            {
                target[i] = sorted[i] / divisor;
            }
        }
        else
        {
            // From the end: double i covers ints 2i and 2i + 1, at or above i, already read.
            for (var i = count - 1; i >= 0; i--)
            {
                target[i] = keys[i] / divisor;
            }
        }

        Clear();
    }

    private bool CanRescale(int to) => to <= MaxScale && (values.Count == 0 || largest <= int.MaxValue / Factors[to - scale]);

    private bool Rescale(int to)
    {
        if (!CanRescale(to))
        {
            return false;
        }

        if (values.Count > 0 && to != scale)
        {
            var factor = (int)Factors[to - scale];
            foreach (var block in values.Blocks())
            {
                foreach (ref var m in block.AsSpan())
                {
                    m *= factor;
                }
            }

            largest *= factor;
        }

        scale = to;
        return true;
    }

    private void Clear()
    {
        values.Clear();
        scale = 0;
        largest = 0;
    }
}
