using System.Globalization;
using Gates.Core.Metrics;
using Gates.Core.Results;
using Gates.Core.Statistics;
using Gates.LatencyBench.Results;
using HdrHistogram;

namespace Gates.LatencyBench.Import;

/// <summary>
/// Distribution-free confidence intervals for percentile metrics (<c>latency_p95_ms</c> …) from the recorded
/// histogram: the order statistics at the ranks <see cref="QuantileInterval"/> gives, read off the histogram.
/// </summary>
internal static class PercentileIntervals
{
    public const string Method = "order statistics (HdrHistogram)";

    public static MetricObservation? Observe(string metric, double value, IReadOnlyDictionary<string, LongHistogram> histograms, double level)
    {
        foreach (var (tag, histogram) in histograms)
        {
            foreach (var (suffix, percentile) in MetricNames.Percentiles)
            {
                if (metric == MetricNames.Of(tag, suffix) && histogram.TotalCount > 0)
                {
                    return Around(value, histogram, percentile / 100, level, suffix);
                }
            }
        }

        return null;
    }

    private static MetricObservation Around(double value, HistogramBase histogram, double p, double level, string suffix)
    {
        var n = histogram.TotalCount;
        var (low, high) = QuantileInterval.Ranks(n, p, level);
        if (low is not { } l || high is not { } u)
        {
            var percent = (level * 100).ToString("0.#", CultureInfo.InvariantCulture);
            return new MetricObservation(value)
            {
                N = n,
                NoIntervalReason = $"{n} samples are too few to bound the {suffix} at {percent}%",
            };
        }

        return new MetricObservation(value)
        {
            N = n,
            Interval = new Interval(AtRank(histogram, l), AtRank(histogram, u), level),
            IntervalMethod = Method,
        };
    }

    /// <summary>The r-th smallest recorded value (1-based) in milliseconds, at the histogram's precision.</summary>
    internal static double AtRank(HistogramBase histogram, long rank) =>
        Measure.Percentile.ValueAt(histogram, 100.0 * rank / histogram.TotalCount) / 1000.0;
}
