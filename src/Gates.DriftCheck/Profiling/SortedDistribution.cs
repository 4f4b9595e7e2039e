using Gates.Core.Memory;
using Gates.Core.Statistics.Drift;

namespace Gates.DriftCheck.Profiling;

/// <summary>
/// The exact distribution of sorted finite numbers (<see cref="EmpiricalDistribution.FromValues"/>), with its two
/// large arrays (distinct values and their counts) mapped in by <see cref="FreshPages"/> before they are filled.
/// </summary>
internal static class SortedDistribution
{
    public static EmpiricalDistribution Of(double[] sorted, int count) =>
        EmpiricalDistribution.FromValues(sorted, count, sorted: true, allocate: Fresh);

    private static double[] Fresh(int length)
    {
        var array = GC.AllocateUninitializedArray<double>(length);
        FreshPages.Populate(array, 0, length);
        return array;
    }
}
