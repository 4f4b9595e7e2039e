using Gates.Core.Results;

namespace Gates.Core.Statistics;

/// <summary>Confidence intervals for a binomial proportion (successes out of n).</summary>
public static class ProportionInterval
{
    /// <summary>Wilson score interval without continuity correction.</summary>
    public static Interval Wilson(long successes, long n, double level)
    {
        Require.Successes(successes, n);
        return WilsonShares(successes, n, level);
    }

    /// <summary>
    /// Wilson score interval with a possibly fractional number of successes: the sum of per-item values in [0, 1]
    /// over n items (<see cref="RepeatedItems.Summarise"/>). Whole numbers give exactly <see cref="Wilson(long, long, double)"/>.
    /// </summary>
    public static Interval WilsonShares(double successes, long n, double level)
    {
        Require.Count(n, 1, nameof(n));
        if (!(successes >= 0 && successes <= n))
        {
            throw new ArgumentException($"successes must be between 0 and n = {n}, got {successes}", nameof(successes));
        }

        Require.Level(level);
        var z = Critical.TwoSidedZ(level);
        var p = successes / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2.0 * n))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n))) / denominator;
        var low = successes == 0 ? 0 : Math.Max(0, centre - half);
        var high = successes == n ? 1 : Math.Min(1, centre + half);
        return new Interval(low, high, level);
    }

    /// <summary>
    /// Clopper–Pearson exact interval from beta quantiles: low = Beta(k, n − k + 1) at α/2 (0 when k = 0),
    /// high = Beta(k + 1, n − k) at 1 − α/2 (1 when k = n).
    /// </summary>
    public static Interval ClopperPearson(long successes, long n, double level)
    {
        Require.Successes(successes, n);
        Require.Level(level);
        var alpha = 1 - level;
        var low = successes == 0 ? 0 : BetaQuantile.Of(successes, n - successes + 1, alpha / 2);
        var high = successes == n ? 1 : BetaQuantile.Of(successes + 1, n - successes, 1 - (alpha / 2));
        return new Interval(low, high, level);
    }
}
