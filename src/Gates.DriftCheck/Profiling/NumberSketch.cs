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

    private readonly DoubleBuffer buffer = new();
    private readonly List<(EmpiricalDistribution Distribution, double Error)?> levels = [];
    private Moments summarised;

    public long Count => buffer.Count + summarised.Count;

    public void Add(double value)
    {
        buffer.Add(value);
        if (buffer.Count >= exactLimit)
        {
            Summarise();
        }
    }

    /// <summary>Takes in another column's numbers (the other is left empty).</summary>
    public void Append(NumberSketch other)
    {
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
        if (buffer.Count >= exactLimit)
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
        var count = checked((int)buffer.Count);
        var values = SortBuffers.Rent(Math.Max(count, 1));
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
