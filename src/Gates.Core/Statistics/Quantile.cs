namespace Gates.Core.Statistics;

/// <summary>Sample quantiles.</summary>
internal static class Quantile
{
    /// <summary>
    /// Quantile of already sorted values by linear interpolation between closest ranks: position h = (n − 1)·p,
    /// value x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]). This is numpy's default ("linear") and R's type 7.
    /// </summary>
    public static double OfSorted(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var low = (int)Math.Floor(h);
        if (low >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        var fraction = h - low;
        return fraction == 0 ? sorted[low] : sorted[low] + (fraction * (sorted[low + 1] - sorted[low]));
    }
}
