using MathNet.Numerics.Distributions;

namespace Gates.Core.Statistics.Sequential;

/// <summary>How many observations a <see cref="MixtureSequence"/> needs to settle a gate.</summary>
public static class SequentialSampleSize
{
    /// <summary>
    /// Smallest n at which, if the true difference from the threshold is <paramref name="margin"/>, the sequence
    /// excludes the threshold with probability <paramref name="power"/> (normal approximation of the estimate).
    /// Null when no n would do (a zero margin) or n would exceed 10^12.
    /// </summary>
    public static long? For(double sd, double margin, double alpha, double tuning, double power)
    {
        margin = Math.Abs(margin);
        if (!(sd > 0) || margin < 1e-12)
        {
            return margin < 1e-12 ? null : 2;
        }

        var z = power > 0.5 ? Normal.InvCDF(0, 1, power) : 0;
        bool Enough(double n) => MixtureSequence.HalfWidth(sd, n, alpha, tuning) + (z * sd / Math.Sqrt(n)) <= margin;

        double high = 2;
        while (!Enough(high))
        {
            high *= 2;
            if (high > 1e12)
            {
                return null;
            }
        }

        var low = high / 2;
        while (high - low > 1)
        {
            var middle = Math.Floor((low + high) / 2);
            if (Enough(middle))
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return (long)high;
    }
}
