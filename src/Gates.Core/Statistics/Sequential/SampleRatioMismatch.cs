using MathNet.Numerics.Distributions;

namespace Gates.Core.Statistics.Sequential;

/// <summary>Pearson χ² test (1 degree of freedom) of an observed canary share of traffic against the configured one.</summary>
public static class SampleRatioMismatch
{
    public static double PValue(long canary, long baseline, double expectedShare)
    {
        var total = canary + baseline;
        if (total <= 0 || expectedShare <= 0 || expectedShare >= 1)
        {
            return 1;
        }

        var expectedCanary = total * expectedShare;
        var expectedBaseline = total - expectedCanary;
        var chi2 = (Math.Pow(canary - expectedCanary, 2) / expectedCanary) + (Math.Pow(baseline - expectedBaseline, 2) / expectedBaseline);
        return 1 - ChiSquared.CDF(1, chi2);
    }
}
