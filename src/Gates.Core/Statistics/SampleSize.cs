namespace Gates.Core.Statistics;

/// <summary>How many samples a decision needs, and what effect a given sample can detect (normal approximation).</summary>
public static class SampleSize
{
    /// <summary>
    /// Smallest n at which a two-sided interval at <paramref name="level"/> around the proportion
    /// <paramref name="p"/> excludes <paramref name="threshold"/> (normal approximation, assuming p holds):
    /// n = z²·p(1 − p) / (p − threshold)², with p(1 − p) floored at 1e-9, and at least 2.
    /// Null when p equals the threshold (no n resolves it).
    /// </summary>
    public static long? ForProportion(double p, double threshold, double level)
    {
        Require.Probability(p, nameof(p));
        Require.Finite(threshold, nameof(threshold));
        Require.Level(level);
        var margin = Math.Abs(p - threshold);
        if (margin < 1e-12)
        {
            return null;
        }

        var z = Critical.TwoSidedZ(level);
        var variance = Math.Max(p * (1 - p), 1e-9);
        return Ceil(z * z * variance / (margin * margin));
    }

    /// <summary>
    /// Smallest n at which a mean with standard deviation <paramref name="sd"/> is resolved from a threshold
    /// <paramref name="margin"/> away: n = (z·sd / margin)², at least 2. Null when the margin is zero.
    /// </summary>
    public static long? ForMean(double sd, double margin, double level)
    {
        Require.NonNegative(sd, nameof(sd));
        Require.Finite(margin, nameof(margin));
        Require.Level(level);
        margin = Math.Abs(margin);
        if (margin < 1e-12)
        {
            return null;
        }

        return Ceil(Math.Pow(Critical.TwoSidedZ(level) * sd / margin, 2));
    }

    /// <summary>
    /// Pairs needed for McNemar's test to detect an accuracy difference <paramref name="difference"/> with the given
    /// power, when a share <paramref name="discordantRate"/> of pairs is discordant (Connor 1987):
    /// n = (z_{1−α/2}·√ψ + z_power·√(ψ − δ²))² / δ². Null when δ is zero; ψ must be at least |δ|.
    /// </summary>
    public static long? ForPairedDifference(double discordantRate, double difference, double level, double power)
    {
        Require.Probability(discordantRate, nameof(discordantRate));
        Require.Finite(difference, nameof(difference));
        Require.Level(level);
        Require.Level(power, nameof(power));
        var delta = Math.Abs(difference);
        if (delta > discordantRate)
        {
            throw new ArgumentException(
                $"a difference of {delta} needs at least that share of discordant pairs, got discordantRate {discordantRate}",
                nameof(discordantRate));
        }

        if (delta < 1e-12)
        {
            return null;
        }

        var root = (Critical.TwoSidedZ(level) * Math.Sqrt(discordantRate))
            + (Critical.Z(power) * Math.Sqrt(discordantRate - (delta * delta)));
        return Ceil(root * root / (delta * delta));
    }

    /// <summary>
    /// Smallest true difference from <paramref name="p"/> that a two-sided z test at <paramref name="level"/> on
    /// <paramref name="n"/> items detects with probability <paramref name="power"/> (one sample, normal
    /// approximation, the far tail ignored): (z_{1−α/2} + z_power)·√(p(1 − p) / n). It is 0 when p is 0 or 1, where
    /// the normal approximation says nothing.
    /// </summary>
    public static double MinimumDetectableEffect(double p, long n, double level, double power)
    {
        Require.Probability(p, nameof(p));
        Require.Count(n, 1, nameof(n));
        Require.Level(level);
        Require.Level(power, nameof(power));
        return (Critical.TwoSidedZ(level) + Critical.Z(power)) * Math.Sqrt(p * (1 - p) / n);
    }

    private static long Ceil(double n) => Math.Max(2, (long)Math.Ceiling(n));
}
