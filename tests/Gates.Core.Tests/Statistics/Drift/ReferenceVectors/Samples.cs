using Gates.Core.Statistics.Drift;

namespace Gates.Core.Tests.Statistics.Drift.ReferenceVectors;

/// <summary>The formula samples of make_vectors.py, reproduced bit for bit.</summary>
internal static class Samples
{
    public static double[] Make(int n, int mult, int mod, double scale, double shift, int levels)
    {
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            var k = (long)i * mult % mod;
            values[i] = levels > 0 ? (k % levels) + shift : (k / (double)mod * scale) + shift;
        }

        return values;
    }

    public static EmpiricalDistribution Distribution(int n, int mult, int mod, double scale, double shift, int levels) =>
        EmpiricalDistribution.FromValues(Make(n, mult, mod, scale, shift, levels));

    /// <summary>Relative difference, with an absolute floor for values near zero.</summary>
    public static void ShouldMatch(this double actual, double expected, double relative = 1e-6, double absolute = 1e-300, string? what = null)
    {
        if (double.IsNaN(expected) || double.IsInfinity(expected))
        {
            actual.ShouldBe(expected, what);
            return;
        }

        var tolerance = Math.Max(Math.Abs(expected) * relative, absolute);
        Math.Abs(actual - expected).ShouldBeLessThanOrEqualTo(tolerance, $"{what}: expected {expected:R}, got {actual:R}");
    }
}
