using Gates.Core.Statistics.Drift;

namespace Gates.DriftCheck.Profiling;

/// <summary>
/// Shrinks a numeric distribution for a saved profile: kept exactly when it has at most <c>points</c> distinct
/// values, otherwise replaced by its quantiles at i/K (K = points − 1) with trapezoid weights (half a share at
/// each end), so that its CDF is within 1/K of the original everywhere.
/// </summary>
internal static class ProfileSketch
{
    public static EmpiricalDistribution Shrink(EmpiricalDistribution d, int points)
    {
        if (d.Values.Length <= points || !d.IsExact)
        {
            return d;
        }

        var k = points - 1;
        var share = d.TotalWeight / k;
        var values = new List<double>();
        var weights = new List<double>();
        for (var i = 0; i <= k; i++)
        {
            var q = d.Quantile(i / (double)k);
            var w = i == 0 || i == k ? share / 2 : share;
            if (values.Count > 0 && values[^1] == q)
            {
                weights[^1] += w;
            }
            else
            {
                values.Add(q);
                weights.Add(w);
            }
        }

        return new EmpiricalDistribution([.. values], [.. weights], d.SampleSize, isExact: false);
    }
}
