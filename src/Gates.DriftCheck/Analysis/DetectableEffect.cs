using Gates.Core.Statistics.Drift;
using MathNet.Numerics.Distributions;

namespace Gates.DriftCheck.Analysis;

/// <summary>
/// The smallest effect a test can detect at the given sample sizes (with probability <c>power</c> at level α), and
/// the current sample size needed to detect a given effect. Approximations, documented in docs/drift-check.md.
/// </summary>
internal static class DetectableEffect
{
    /// <summary>
    /// Numeric columns, KS test, effect in reference standard deviations of a shifted normal distribution
    /// (for which the normalised Wasserstein distance equals the shift δ and the KS distance is 2Φ(δ/2) − 1).
    /// The observed KS distance has standard error at most ½√(1/n + 1/m), so the test detects D when
    /// D ≥ (K_α + ½ z_power)·√(1/n + 1/m), with K_α = √(−ln(α/2)/2) the asymptotic critical value.
    /// </summary>
    public static (double Detectable, long? Needed) Numeric(long n, long m, double effect, double alpha, double power)
    {
        var c = KsConstant(alpha, power);
        var dNeeded = c * Math.Sqrt((1.0 / n) + (1.0 / m));
        var detectable = dNeeded >= 1 ? double.PositiveInfinity : 2 * Normal.InvCDF(0, 1, (1 + dNeeded) / 2);
        var dEffect = (2 * Normal.CDF(0, 1, effect / 2)) - 1;
        return (detectable, NeededOtherSide(n, (dEffect / c) * (dEffect / c)));
    }

    /// <summary>
    /// Categorical columns, chi-square test on k categories, effect as a Jensen–Shannon distance δ (base 2): for
    /// small differences the chi-square noncentrality is about n_eff·8·ln 2·δ², with n_eff = nm/(n + m).
    /// </summary>
    public static (double Detectable, long? Needed) Categorical(long n, long m, int categories, double effect, double alpha, double power)
    {
        var dof = Math.Max(categories - 1, 1);
        var lambda = NoncentralChiSquare.NoncentralityForPower(dof, alpha, power);
        var perDelta = 8 * Math.Log(2);
        var nEff = (double)n * m / (n + m);
        var detectable = Math.Sqrt(lambda / (nEff * perDelta));
        return (detectable, NeededOtherSide(n, perDelta * effect * effect / lambda));
    }

    /// <summary>Smallest m with 1/n + 1/m ≤ 1/need, where 1/need = <paramref name="inverseNeed"/>; null if even m → ∞ is not enough.</summary>
    private static long? NeededOtherSide(long n, double inverseNeed)
    {
        var inverseM = inverseNeed - (1.0 / n);
        return inverseM <= 0 ? null : (long)Math.Ceiling(1 / inverseM);
    }

    /// <summary>Reference rows needed (with as many current rows) when the reference alone is too small.</summary>
    public static long NeededEqualSizes(double inverseNeed) => (long)Math.Ceiling(2 / inverseNeed);

    public static double KsConstant(double alpha, double power) =>
        Math.Sqrt(-Math.Log(alpha / 2) / 2) + (0.5 * Normal.InvCDF(0, 1, power));
}
