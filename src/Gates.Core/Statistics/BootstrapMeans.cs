using Gates.Core.Results;

namespace Gates.Core.Statistics;

/// <summary>The resampling engine behind the bootstrap intervals and the paired bootstrap.</summary>
internal static class BootstrapMeans
{
    /// <summary>
    /// Means of <paramref name="resamples"/> bootstrap samples of <paramref name="data"/>, sorted ascending.
    /// Each sample draws data.Length indices with replacement from <c>new Random(seed)</c>, in order.
    /// </summary>
    public static double[] Sorted(double[] data, int resamples, int seed)
    {
        Require.Count(resamples, 1, nameof(resamples));
        var random = new Random(seed);
        var n = data.Length;
        var means = new double[resamples];
        for (var r = 0; r < means.Length; r++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                sum += data[random.Next(n)];
            }

            means[r] = sum / n;
        }

        Array.Sort(means);
        return means;
    }

    public static Interval PercentileInterval(double[] sortedMeans, double level)
    {
        var alpha = 1 - level;
        return new Interval(
            Quantile.OfSorted(sortedMeans, alpha / 2),
            Quantile.OfSorted(sortedMeans, 1 - (alpha / 2)),
            level);
    }
}
