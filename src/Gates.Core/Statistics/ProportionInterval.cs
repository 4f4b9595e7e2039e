using Gates.Core.Results;
using MathNet.Numerics.Distributions;

namespace Gates.Core.Statistics;

/// <summary>Confidence intervals for a binomial proportion.</summary>
public static class ProportionInterval
{
    /// <summary>Wilson score interval (no continuity correction).</summary>
    public static Interval Wilson(long successes, long n, double level)
    {
        Guard(successes, n);
        var z = Normal.InvCDF(0, 1, 1 - ((1 - level) / 2));
        var p = (double)successes / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n))) / denominator;
        return new Interval(Math.Max(0, centre - half), Math.Min(1, centre + half), level);
    }

    internal static void Guard(long successes, long n)
    {
        if (n <= 0 || successes < 0 || successes > n)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), $"need 0 <= successes <= n and n > 0, got {successes}/{n}");
        }
    }
}
