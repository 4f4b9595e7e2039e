using Gates.Core.Results;
using MathNet.Numerics.Distributions;

namespace Gates.Core.Statistics;

/// <summary>Confidence intervals for a mean.</summary>
public static class MeanInterval
{
    /// <summary>Student t interval from the sample mean, sample standard deviation (n − 1) and n.</summary>
    public static Interval Student(double mean, double sd, long n, double level)
    {
        if (n < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(n), "a t interval needs at least two values");
        }

        var t = StudentT.InvCDF(0, 1, n - 1, 1 - ((1 - level) / 2));
        var half = t * sd / Math.Sqrt(n);
        return new Interval(mean - half, mean + half, level);
    }

    /// <summary>Normal interval from a value and its standard error.</summary>
    public static Interval Normal(double value, double stderr, double level)
    {
        var z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 1 - ((1 - level) / 2));
        return new Interval(value - (z * stderr), value + (z * stderr), level);
    }
}
