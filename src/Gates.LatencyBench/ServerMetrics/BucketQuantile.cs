namespace Gates.LatencyBench.ServerMetrics;

/// <summary>
/// Quantiles of a Prometheus histogram from cumulative bucket counts, as PromQL's <c>histogram_quantile</c> does:
/// find the bucket the rank falls in and interpolate linearly within it (the first bucket starts at 0); a rank in
/// the +Inf bucket gives the highest finite bound. The answer is only as fine as the buckets.
/// </summary>
internal static class BucketQuantile
{
    /// <summary>Bucket-by-bucket difference of two cumulative histograms (what happened between two scrapes).</summary>
    public static SortedDictionary<double, double> Delta(SortedDictionary<double, double> first, SortedDictionary<double, double> last)
    {
        var delta = new SortedDictionary<double, double>();
        foreach (var (bound, count) in last)
        {
            // A counter reset (server restarted) leaves the later scrape lower: count from zero then.
            var before = first.GetValueOrDefault(bound);
            delta[bound] = count >= before ? count - before : count;
        }

        return delta;
    }

    public static double? Quantile(SortedDictionary<double, double> cumulative, double q)
    {
        if (cumulative.Count == 0 || !cumulative.ContainsKey(double.PositiveInfinity))
        {
            return null;
        }

        var total = cumulative[double.PositiveInfinity];
        if (total <= 0)
        {
            return null;
        }

        var rank = q * total;
        var lowerBound = 0.0;
        var lowerCount = 0.0;
        foreach (var (bound, count) in cumulative)
        {
            if (count >= rank)
            {
                if (double.IsPositiveInfinity(bound))
                {
                    return lowerBound;
                }

                var inBucket = count - lowerCount;
                return inBucket <= 0 ? bound : lowerBound + ((bound - lowerBound) * (rank - lowerCount) / inBucket);
            }

            lowerBound = bound;
            lowerCount = count;
        }

        return lowerBound;
    }
}
