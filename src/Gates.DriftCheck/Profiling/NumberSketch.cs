using Gates.Core.Statistics.Drift;

namespace Gates.DriftCheck.Profiling;

/// <summary>
/// The numbers of one column: kept exactly up to <c>exactLimit</c> values; beyond that each full batch is sorted,
/// shrunk to <see cref="Points"/> quantiles (<see cref="ProfileSketch"/>) and merged into levels like a binary counter
/// (two summaries of a level merge into one of the next), so memory stays at one batch plus a few summaries
/// whatever the length. The CDF error bound is tracked: 1/K for each shrink on the way up (K = Points − 1), so at most
/// (⌊log2(n / exactLimit)⌋ + 1)/K after n values. Exact moments, minimum and maximum are kept throughout.
/// </summary>
internal sealed class NumberSketch(int exactLimit)
{
    /// <summary>Numbers per column kept exactly by default (32 MB of doubles).</summary>
    public const int DefaultExactLimit = 4_000_000;

    /// <summary>Points of a summary: K = 20,000, so 5e-5 of CDF error per shrink.</summary>
    public const int Points = 20_001;

    private readonly BlockBuffer<double> buffer = new();

    /// <summary>The numbers that are exactly m / 10^k for a common k (most CSV columns): held as ints, not in <see cref="buffer"/>.</summary>
    private readonly ScaledNumbers scaled = new();
    private readonly List<(EmpiricalDistribution Distribution, double Error)?> levels = [];
    private Moments summarised;

    public long Count => Held + summarised.Count;

    private long Held => buffer.Count + scaled.Count;

    public void Add(double value)
    {
        buffer.Add(value);
        if (Held >= exactLimit)
        {
            Summarise();
        }
    }

    /// <summary>Adds a number read as text, <paramref name="value"/> being exactly what mantissa / 10^digits parses to.</summary>
    public void Add(double value, long mantissa, int digits)
    {
        // A negative zero stays a double: as an integer it would be +0.
        if ((mantissa == 0 && double.IsNegative(value)) || !scaled.TryAdd(mantissa, digits))
        {
            buffer.Add(value);
        }

        if (Held >= exactLimit)
        {
            Summarise();
        }
    }

    /// <summary>Takes in another column's numbers (the other is left empty).</summary>
    public void Append(NumberSketch other)
    {
        if (other.scaled.Count > 0 && !scaled.TryAppend(other.scaled))
        {
            other.scaled.DrainInto(other.buffer);
        }

        buffer.Append(other.buffer);
        summarised = summarised.Combine(other.summarised);
        for (var level = 0; level < other.levels.Count; level++)
        {
            if (other.levels[level] is { } summary)
            {
                Carry(summary, level);
            }
        }

        other.levels.Clear();
        other.summarised = default;
        if (Held >= exactLimit)
        {
            Summarise();
        }
    }

    /// <summary>The distribution (null when there are no numbers), exact moments and the CDF error bound (0 when exact).</summary>
    public (EmpiricalDistribution? Distribution, Moments Moments, double CdfError) Finish()
    {
        var (values, count) = SortedBuffer();
        var moments = summarised.Combine(Moments.Of(values.AsSpan(0, count)));
        var parts = levels.Where(l => l is not null).Select(l => l!.Value).ToList();
        if (count > 0)
        {
            parts.Add((SortedDistribution.Of(values, count), 0));
        }

        SortBuffers.Return(values);
        levels.Clear();
        summarised = default;
        return parts.Count == 0
            ? (null, moments, 0)
            : (ProfileSketch.Union([.. parts.Select(p => p.Distribution)]), moments, parts.Max(p => p.Error));
    }

    private void Summarise()
    {
        var (values, count) = SortedBuffer();
        summarised = summarised.Combine(Moments.Of(values.AsSpan(0, count)));
        var distribution = SortedDistribution.Of(values, count);
        SortBuffers.Return(values);
        Carry(ProfileSketch.Shrink(distribution, Points, 0), 0);
    }

    /// <summary>
    /// The buffered numbers, sorted, in the first <c>Count</c> places of a pooled array (return it to the pool):
    /// the columns of a file are summarised one after another on each core, so the large arrays are reused
    /// instead of allocated (and faulted in) afresh for every column.
    /// </summary>
    private (double[] Values, int Count) SortedBuffer()
    {
        var count = checked((int)Held);
        var values = SortBuffers.Rent(Math.Max(count, 1));
        if (buffer.Count == 0)
        {
            scaled.SortInto(values);
            return (values, count);
        }

        if (scaled.Count > 0)
        {
            scaled.DrainInto(buffer);
        }

        buffer.DrainInto(values);
        RadixSort.Sort(values.AsSpan(0, count));
        return (values, count);
    }

    private void Carry((EmpiricalDistribution Distribution, double Error) summary, int level)
    {
        while (level < levels.Count && levels[level] is { } held)
        {
            levels[level] = null;
            var union = ProfileSketch.Union([held.Distribution, summary.Distribution]);
            summary = ProfileSketch.Shrink(union, Points, Math.Max(held.Error, summary.Error));
            level++;
        }

        while (levels.Count <= level)
        {
            levels.Add(null);
        }

        levels[level] = summary;
    }
}
