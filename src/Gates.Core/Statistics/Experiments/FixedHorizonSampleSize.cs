using MathNet.Numerics.Distributions;

namespace Gates.Core.Statistics.Experiments;

/// <summary>Units per arm planned up front for <see cref="FixedHorizonComparison"/>.</summary>
public static class FixedHorizonSampleSize
{
    /// <summary>
    /// Units per arm for the two-sided two-proportion z-test at level α to detect control rate
    /// <paramref name="control"/> against treatment rate <paramref name="treatment"/> with the given power, when the
    /// treatment gets <paramref name="treatmentShare"/> of the units (Fleiss, Levin and Paik, without continuity
    /// correction). With k = n_control / n_treatment and p̄ = (p_t + k·p_c) / (1 + k):
    /// n_treatment = (z_{1−α/2}·√(p̄(1 − p̄)(1 + 1/k)) + z_power·√(p_t(1 − p_t) + p_c(1 − p_c)/k))² / (p_t − p_c)².
    /// Null when the rates are equal.
    /// </summary>
    public static (long Control, long Treatment)? TwoProportions(double control, double treatment, double alpha, double power, double treatmentShare)
    {
        Require.Probability(control, nameof(control));
        Require.Probability(treatment, nameof(treatment));
        var delta = Math.Abs(treatment - control);
        if (delta < 1e-12 || treatmentShare <= 0 || treatmentShare >= 1)
        {
            return null;
        }

        var k = (1 - treatmentShare) / treatmentShare;
        var pooled = (treatment + (k * control)) / (1 + k);
        var za = Normal.InvCDF(0, 1, 1 - (alpha / 2));
        var zb = Normal.InvCDF(0, 1, power);
        var root = (za * Math.Sqrt(pooled * (1 - pooled) * (1 + (1 / k))))
            + (zb * Math.Sqrt((treatment * (1 - treatment)) + (control * (1 - control) / k)));
        var nTreatment = Math.Ceiling(root * root / (delta * delta));
        return ((long)Math.Ceiling(nTreatment * k), (long)nTreatment);
    }
}
