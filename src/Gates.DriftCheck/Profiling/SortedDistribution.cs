using Gates.Core.Statistics.Drift;

namespace Gates.DriftCheck.Profiling;

/// <summary>
/// The exact distribution of sorted finite numbers, as <see cref="EmpiricalDistribution.FromValues"/> builds it, with
/// its two large arrays (distinct values and their counts) mapped in by <see cref="FreshPages"/> before they are filled.
/// </summary>
internal static class SortedDistribution
{
    public static EmpiricalDistribution Of(double[] sorted, int count)
    {
        var span = sorted.AsSpan(0, count);
        var distinct = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (!double.IsFinite(span[i]))
            {
                throw new ArgumentException("values must be finite");
            }

            if (i == 0 || span[i] != span[i - 1])
            {
                distinct++;
            }
        }

        var unique = Fresh(distinct);
        var weights = Fresh(distinct);
        var j = -1;
        for (var i = 0; i < span.Length; i++)
        {
            if (i == 0 || span[i] != span[i - 1])
            {
                unique[++j] = span[i];
                weights[j] = 0;
            }

            weights[j]++;
        }

        return new EmpiricalDistribution(unique, weights, count, isExact: true);
    }

    private static double[] Fresh(int length)
    {
        var array = GC.AllocateUninitializedArray<double>(length);
        FreshPages.Populate(array, 0, length);
        return array;
    }
}
