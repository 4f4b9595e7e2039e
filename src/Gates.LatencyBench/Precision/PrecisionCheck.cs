using Gates.Core.Statistics;
using Gates.LatencyBench.Import;
using HdrHistogram;

namespace Gates.LatencyBench.Precision;

/// <summary>
/// Checks a <see cref="PrecisionTarget"/> against a histogram: the distribution-free interval of the percentile
/// (<see cref="QuantileInterval"/> ranks read off the histogram, as gates do) and its relative half-width. When the
/// target is not reached, projects the sample size that would reach it from the rank formula (width ∝ 1/sqrt(n)),
/// or, with too few samples for any interval, the smallest sample size that has one.
/// </summary>
internal static class PrecisionCheck
{
    public const double Level = 0.95;
    public const long MaxProjected = 1_000_000_000;

    public static PrecisionStatus Check(PrecisionTarget target, HistogramBase histogram)
    {
        var n = histogram.TotalCount;
        if (n == 0)
        {
            return new PrecisionStatus(target, 0, null, null, null, null);
        }

        var estimate = Measure.Percentile.ValueAt(histogram, target.Percentile) / 1000.0;
        var (l, u) = QuantileInterval.Ranks(n, target.P, Level);
        PrecisionStatus status = l is { } low && u is { } high
            ? new(target, n, estimate, PercentileIntervals.AtRank(histogram, low), PercentileIntervals.AtRank(histogram, high),
                HalfWidth(estimate, PercentileIntervals.AtRank(histogram, low), PercentileIntervals.AtRank(histogram, high)))
            : new(target, n, estimate, null, null, null);
        if (status.Reached)
        {
            return status;
        }

        if (status.HalfWidth is { } h)
        {
            // The rank formula: ranks sit z·sqrt(n·p·(1 − p)) either side of n·p, so the interval spans a share of the
            // distribution that shrinks as 1/sqrt(n), and so (locally) does its width in milliseconds.
            var total = Math.Ceiling(n * Math.Pow(h / target.Relative, 2));
            return total > MaxProjected ? status with { Unreachable = true } : status with { MoreSamples = Math.Max(1, (long)total - n) };
        }

        return status with { MoreSamples = MinimumForInterval(target.P) - n, AtLeast = true };
    }

    /// <summary>The smallest sample size with order statistics on both sides of the p-quantile at <see cref="Level"/>.</summary>
    public static long MinimumForInterval(double p)
    {
        long lo = 1, hi = 1;
        while (!Bounded(hi, p))
        {
            lo = hi + 1;
            hi *= 2;
        }

        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (Bounded(mid, p))
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return hi;
    }

    private static bool Bounded(long n, double p) => QuantileInterval.Ranks(n, p, Level) is ({ }, { });

    private static double? HalfWidth(double estimate, double low, double high) =>
        estimate > 0 ? Math.Max(estimate - low, high - estimate) / estimate : null;
}
