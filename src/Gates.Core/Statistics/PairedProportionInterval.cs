using Gates.Core.Results;

namespace Gates.Core.Statistics;

/// <summary>Confidence intervals for the difference of two proportions measured on the same items.</summary>
public static class PairedProportionInterval
{
    /// <summary>
    /// Tango's (1998) asymptotic score interval for current minus baseline accuracy, from the discordant counts:
    /// <paramref name="baselineOnly"/> (b) items only the baseline got right, <paramref name="currentOnly"/> (c)
    /// items only the current model got right, out of <paramref name="n"/> pairs. The interval is every δ whose
    /// score statistic (c − b − nδ) / √(n(2q̃ + δ(1 − δ))) lies within ±z, where q̃ is the constrained maximum
    /// likelihood estimate of the share of pairs only the baseline got right under difference δ. Unlike the Wald
    /// interval it stays inside [−1, 1] and has non-zero width when b = c = 0.
    /// </summary>
    public static Interval Tango(long baselineOnly, long currentOnly, long n, double level)
    {
        Require.Count(n, 1, nameof(n));
        Require.Count(baselineOnly, 0, nameof(baselineOnly));
        Require.Count(currentOnly, 0, nameof(currentOnly));
        if (baselineOnly + currentOnly > n)
        {
            throw new ArgumentException(
                $"discordant pairs ({baselineOnly} + {currentOnly}) cannot exceed the number of pairs n = {n}", nameof(n));
        }

        Require.Level(level);
        var z = Critical.TwoSidedZ(level);
        var low = currentOnly == 0 && baselineOnly == n ? -1 : Root(baselineOnly, currentOnly, n, z);
        var high = currentOnly == n ? 1 : Root(baselineOnly, currentOnly, n, -z);
        return new Interval(low, high, level);
    }

    /// <summary>Tango's score statistic for the null hypothesis that the difference is <paramref name="delta"/>.</summary>
    internal static double Score(long b, long c, long n, double delta)
    {
        // Constrained MLE of p_b (share of pairs only the baseline got right) given p_c − p_b = delta:
        // the positive root of 2n·q² − [(b + c) − δ(2n − c + b)]·q − b·δ(1 − δ) = 0.
        var v = (b + c) - (delta * ((2.0 * n) - c + b));
        var discriminant = Math.Max(0, (v * v) + (8.0 * n * b * delta * (1 - delta)));
        var q = (v + Math.Sqrt(discriminant)) / (4.0 * n);
        var numerator = c - b - (n * delta);
        var variance = n * ((2 * q) + (delta * (1 - delta)));
        if (variance <= 0)
        {
            return numerator == 0 ? 0 : numerator > 0 ? double.PositiveInfinity : double.NegativeInfinity;
        }

        return numerator / Math.Sqrt(variance);
    }

    /// <summary>The δ in (−1, 1) where the (decreasing) score statistic equals <paramref name="target"/>, by bisection.</summary>
    private static double Root(long b, long c, long n, double target)
    {
        double low = -1, high = 1;
        for (var i = 0; i < 200 && high - low > 1e-15; i++)
        {
            var middle = (low + high) / 2;
            if (Score(b, c, n, middle) > target)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return (low + high) / 2;
    }
}
