using MathNet.Numerics.Distributions;

namespace Gates.Core.Statistics;

/// <summary>How many samples an interval needs before it stops straddling a threshold.</summary>
public static class SampleSize
{
    /// <summary>
    /// Smallest n at which a two-sided interval at <paramref name="level"/> around the proportion
    /// <paramref name="p"/> excludes <paramref name="threshold"/> (normal approximation, assuming p holds).
    /// Null when p equals the threshold (no n resolves it).
    /// </summary>
    public static long? ForProportion(double p, double threshold, double level)
    {
        var margin = Math.Abs(p - threshold);
        if (margin < 1e-12)
        {
            return null;
        }

        var variance = Math.Max(p * (1 - p), 1e-9);
        return Ceil(Z(level) * Z(level) * variance / (margin * margin));
    }

    /// <summary>Smallest n at which a mean with standard deviation sd is resolved from a threshold margin away.</summary>
    public static long? ForMean(double sd, double margin, double level)
    {
        margin = Math.Abs(margin);
        if (margin < 1e-12 || !(sd >= 0))
        {
            return null;
        }

        return Ceil(Math.Pow(Z(level) * sd / margin, 2));
    }

    private static double Z(double level) => Normal.InvCDF(0, 1, 1 - ((1 - level) / 2));

    private static long Ceil(double n) => Math.Max(2, (long)Math.Ceiling(n));
}
