using System.Collections.Concurrent;
using Gates.Core.Memory;

namespace Gates.DriftCheck.Profiling;

/// <summary>
/// The large arrays that sorting a column's numbers needs, reused from column to column: a few are kept (two per
/// core, one column being sorted on each), so a file's columns are sorted in the same memory one after another
/// instead of in fresh arrays that the kernel must fault in and the collector must later reclaim.
/// </summary>
internal static class SortBuffers
{
    private static readonly int Kept = 2 * Environment.ProcessorCount;
    private static readonly ConcurrentBag<double[]> Free = [];

    /// <summary>An array of at least <paramref name="length"/> values (its contents are garbage).</summary>
    public static double[] Rent(int length)
    {
        while (Free.TryTake(out var array))
        {
            if (array.Length >= length)
            {
                return array;
            }
        }

        var fresh = GC.AllocateUninitializedArray<double>(length);
        FreshPages.Populate(fresh, 0, length);
        return fresh;
    }

    public static void Return(double[] array)
    {
        if (Free.Count < Kept)
        {
            Free.Add(array);
        }
    }
}
