using Gates.Core.Results;
using MathNet.Numerics.Distributions;

namespace Gates.Core.Statistics;

/// <summary>Confidence intervals for a mean.</summary>
public static class MeanInterval
{
    /// <summary>Student t interval from the sample mean, sample standard deviation (n − 1) and n.</summary>
    public static Interval Student(double mean, double sd, long n, double level)
    {
        Require.Finite(mean, nameof(mean));
        Require.NonNegative(sd, nameof(sd));
        Require.Count(n, 2, nameof(n));
        Require.Level(level);
        var t = StudentT.InvCDF(0, 1, n - 1, 1 - ((1 - level) / 2));
        var half = t * sd / Math.Sqrt(n);
        return new Interval(mean - half, mean + half, level);
    }

    /// <summary>Student t interval of the mean of <paramref name="values"/> (at least two).</summary>
    public static Interval Student(IReadOnlyList<double> values, double level)
    {
        var data = Require.FiniteValues(values, nameof(values), minimum: 2);
        var (mean, sd) = Moments(data);
        return Student(mean, sd, data.Length, level);
    }

    /// <summary>Normal interval from a value and its standard error: value ± z·stderr.</summary>
    public static Interval Normal(double value, double stderr, double level)
    {
        Require.Finite(value, nameof(value));
        Require.NonNegative(stderr, nameof(stderr));
        Require.Level(level);
        var z = Critical.TwoSidedZ(level);
        return new Interval(value - (z * stderr), value + (z * stderr), level);
    }

    /// <summary>
    /// Percentile bootstrap interval of the mean: draw <paramref name="resamples"/> samples of the same size with
    /// replacement (indices from <c>new Random(seed)</c>), take each sample's mean, and return the α/2 and 1 − α/2
    /// quantiles of those means (linear interpolation, numpy's default). The same seed gives the same interval.
    /// </summary>
    public static Interval Bootstrap(IReadOnlyList<double> values, double level, int resamples, int seed)
    {
        var data = Require.FiniteValues(values, nameof(values));
        Require.Level(level);
        var means = BootstrapMeans.Sorted(data, resamples, seed);
        return BootstrapMeans.PercentileInterval(means, level);
    }

    /// <summary>Mean and sample standard deviation (n − 1), two-pass.</summary>
    internal static (double Mean, double Sd) Moments(double[] data)
    {
        var sum = 0.0;
        foreach (var x in data)
        {
            sum += x;
        }

        var mean = sum / data.Length;
        var squares = 0.0;
        foreach (var x in data)
        {
            squares += (x - mean) * (x - mean);
        }

        return (mean, data.Length > 1 ? Math.Sqrt(squares / (data.Length - 1)) : 0);
    }
}
