using MathNet.Numerics;

namespace Gates.Core.Statistics;

/// <summary>McNemar's test for two models scored right/wrong on the same items.</summary>
public static class McNemar
{
    /// <summary>Below this many discordant pairs the p-value is exact binomial; from here on, chi-square.</summary>
    public const long ExactBelow = 25;

    public const string ExactMethod = "McNemar exact binomial";
    public const string ChiSquareMethod = "McNemar chi-square with continuity correction";
    public const string NoDiscordantMethod = "McNemar (no discordant pairs)";
    public const string TangoMethod = "Tango score";

    /// <summary>
    /// Tests whether the current model's accuracy differs from the baseline's. <paramref name="baselineOnly"/> (b)
    /// counts items the baseline got right and the current model got wrong, <paramref name="currentOnly"/> (c) the
    /// reverse, <paramref name="n"/> all paired items. With b + c &lt; 25 the p-value is exact: b ~ Binomial(b + c, ½),
    /// p = min(1, 2·P(X ≤ min(b, c))); otherwise χ² = (|b − c| − 1)² / (b + c) on one degree of freedom (as
    /// statsmodels <c>mcnemar(exact=False, correction=True)</c> and R <c>mcnemar.test</c>). b + c = 0 gives p = 1.
    /// The interval for the difference is Tango's score interval.
    /// </summary>
    public static McNemarResult Test(long baselineOnly, long currentOnly, long n, double level)
    {
        var interval = PairedProportionInterval.Tango(baselineOnly, currentOnly, n, level);
        var (p, method) = PValue(baselineOnly, currentOnly);
        return new McNemarResult
        {
            B = baselineOnly,
            C = currentOnly,
            N = n,
            Difference = (double)(currentOnly - baselineOnly) / n,
            Interval = interval,
            IntervalMethod = TangoMethod,
            PValue = p,
            Method = method,
        };
    }

    private static (double P, string Method) PValue(long b, long c)
    {
        var discordant = b + c;
        if (discordant == 0)
        {
            return (1, NoDiscordantMethod);
        }

        if (discordant < ExactBelow)
        {
            return (Math.Min(1, 2 * LowerTail(Math.Min(b, c), discordant)), ExactMethod);
        }

        var excess = Math.Abs(b - c) - 1.0;
        var chiSquare = excess * excess / discordant;

        // Upper tail of χ² with one degree of freedom: P(χ² > x) = erfc(√(x / 2)), accurate for tiny p.
        return (SpecialFunctions.Erfc(Math.Sqrt(chiSquare / 2)), ChiSquareMethod);
    }

    /// <summary>P(X ≤ k) for X ~ Binomial(m, ½), summed exactly (m &lt; 25, so every term is an exact double).</summary>
    private static double LowerTail(long k, long m)
    {
        double term = 1, sum = 1;
        for (var i = 1; i <= k; i++)
        {
            term = term * (m - i + 1) / i;
            sum += term;
        }

        return sum / Math.Pow(2, m);
    }
}
