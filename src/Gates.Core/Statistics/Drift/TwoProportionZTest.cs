namespace Gates.Core.Statistics.Drift;

public sealed record ZTestResult(double Z, double PValue);

/// <summary>
/// Two-sided two-proportion z-test with the pooled proportion:
/// z = (p1 − p2) / √(P(1 − P)(1/n1 + 1/n2)), p = 2·(1 − Φ(|z|)), computed as 2·Φ(−|z|) to keep tiny p-values.
/// When both samples hold only one kind of value (P is 0 or 1) the samples cannot differ: z = 0 and p = 1.
/// </summary>
public static class TwoProportionZTest
{
    public static ZTestResult Test(double successes1, double n1, double successes2, double n2)
    {
        if (n1 <= 0 || n2 <= 0)
        {
            throw new ArgumentException("both samples need at least one observation");
        }

        var p1 = successes1 / n1;
        var p2 = successes2 / n2;
        var pooled = (successes1 + successes2) / (n1 + n2);
        var variance = pooled * (1 - pooled) * ((1 / n1) + (1 / n2));
        if (variance <= 0)
        {
            return new ZTestResult(0, 1);
        }

        var z = (p1 - p2) / Math.Sqrt(variance);
        return new ZTestResult(z, 2 * MathNet.Numerics.Distributions.Normal.CDF(0, 1, -Math.Abs(z)));
    }
}
