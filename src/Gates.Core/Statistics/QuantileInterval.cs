using MathNet.Numerics;

namespace Gates.Core.Statistics;

/// <summary>
/// A distribution-free confidence interval for a quantile from order statistics: the number of observations at or
/// below the true p-quantile is Binomial(n, p), so the l-th and u-th smallest values bound it with coverage of at
/// least the level, whatever the shape of the distribution.
/// </summary>
public static class QuantileInterval
{
    /// <summary>
    /// The 1-based ranks of the order statistics that bound the p-quantile (0 &lt; p &lt; 1) at the two-sided level;
    /// a side is null when n is too small for any order statistic to bound it at that level.
    /// </summary>
    public static (long? Low, long? High) Ranks(long n, double p, double level)
    {
        Require.Level(level);
        Require.Level(p, "p");
        if (n < 1)
        {
            throw new ArgumentException($"n must be at least 1, got {n}", nameof(n));
        }

        var tail = (1 - level) / 2;
        // Low: the largest l with P(B <= l - 1) <= tail. High: the smallest u with P(B >= u) <= tail.
        var lowK = LastAtMost(n, p, tail);
        var highK = FirstAtLeast(n, p, 1 - tail);
        return (lowK is { } l ? l + 1 : null, highK is { } u ? u + 1 : null);
    }

    /// <summary>The largest k in [0, n - 1] with P(B &lt;= k) &lt;= target, or null.</summary>
    private static long? LastAtMost(long n, double p, double target)
    {
        if (Cdf(n, p, 0) > target)
        {
            return null;
        }

        long lo = 0, hi = n - 1;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo + 1) / 2);
            if (Cdf(n, p, mid) <= target)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    /// <summary>The smallest k in [0, n - 1] with P(B &lt;= k) &gt;= target, or null.</summary>
    private static long? FirstAtLeast(long n, double p, double target)
    {
        if (Cdf(n, p, n - 1) < target)
        {
            return null;
        }

        long lo = 0, hi = n - 1;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (Cdf(n, p, mid) >= target)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    /// <summary>P(B &lt;= k) for B ~ Binomial(n, p), through the regularized incomplete beta function.</summary>
    private static double Cdf(long n, double p, long k) =>
        k >= n ? 1 : SpecialFunctions.BetaRegularized(n - k, k + 1, 1 - p);
}
