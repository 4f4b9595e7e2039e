namespace Gates.Core.Statistics.Drift;

/// <summary>
/// Survival function P(D_n ≥ x) of the two-sided one-sample Kolmogorov statistic for finite n (scipy's
/// <c>kstwo.sf</c>). The method for each (n, x) region follows Simard and L'Ecuyer (2011), as scipy does:
/// closed forms at the edges (Ruben–Gambino), twice the one-sided Smirnov tail where the two tails cannot overlap
/// or the overlap is negligible, the Durbin matrix (Marsaglia–Tsang–Wang) where it is cheap, and the Pelz–Good
/// expansion otherwise. Where scipy uses Pomeranz's recursion (n ≤ 140) the Durbin matrix gives the same exact value.
/// </summary>
public static class KolmogorovDistribution
{
    public static double Survival(long n, double x)
    {
        if (n <= 0 || double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x >= 1)
        {
            return 0;
        }

        if (x <= 0)
        {
            return 1;
        }

        var t = n * x;
        if (t <= 1)
        {
            return t <= 0.5 ? 1 : Clip(1 - LowEdgeCdf(n, t));
        }

        if (t >= n - 1)
        {
            return Clip(2 * Math.Pow(1 - x, n));
        }

        if (x >= 0.5)
        {
            return Clip(2 * SmirnovDistribution.Survival(n, x));
        }

        var nxx = t * x;
        if (n <= 140)
        {
            return nxx <= 4
                ? Clip(1 - DurbinMatrix.Cdf((int)n, x))
                : Clip(2 * SmirnovDistribution.Survival(n, x));
        }

        if (nxx >= 370)
        {
            return 0;
        }

        if (nxx >= 2.2)
        {
            return Clip(2 * SmirnovDistribution.Survival(n, x));
        }

        double cdf;
        if (nxx >= 18)
        {
            cdf = 1;
        }
        else if (n <= 100_000 && n * Math.Pow(x, 1.5) <= 1.4)
        {
            cdf = DurbinMatrix.Cdf((int)n, x);
        }
        else
        {
            cdf = PelzGood.Cdf(n, x);
        }

        return Clip(1 - cdf);
    }

    /// <summary>P(D_n ≤ x) for 1/(2n) &lt; x ≤ 1/n: n!/n^n · (2nx − 1)^n.</summary>
    private static double LowEdgeCdf(long n, double t)
    {
        if (n <= 140)
        {
            var p = 1.0;
            for (var i = 1; i <= n; i++)
            {
                p *= i * (1.0 / n) * ((2 * t) - 1);
            }

            return p;
        }

        return Math.Exp(LogFactorialOverPower(n) + (n * Math.Log((2 * t) - 1)));
    }

    /// <summary>log(n! / n^n) by Stirling's series with the n·log n term removed up front.</summary>
    internal static double LogFactorialOverPower(long n)
    {
        double[] coefficients =
        [
            -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4,
            -5.952380952380952381e-4, 7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2,
        ];
        var r = 1.0 / n;
        var r2 = r / n;
        var series = 0.0;
        foreach (var c in coefficients)
        {
            series = (series * r2) + c;
        }

        return (Math.Log(n) / 2) - n + (Math.Log(2 * Math.PI) / 2) + (r * series);
    }

    private static double Clip(double p) => double.IsNaN(p) ? p : Math.Clamp(p, 0, 1);
}
