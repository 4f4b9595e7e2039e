namespace Gates.Core.Statistics.Drift;

/// <summary>How the two-sample KS p-value is computed.</summary>
public enum KsMethod
{
    /// <summary>Exact when both samples have at most 10,000 values, asymptotic otherwise (scipy's <c>method='auto'</c>).</summary>
    Auto,
    Exact,
    Asymptotic,
}

public sealed record KsResult(double Statistic, double PValue, KsMethod Method);

/// <summary>
/// Two-sided two-sample Kolmogorov–Smirnov test. The statistic is the largest gap between the two right-continuous
/// empirical CDFs over the pooled values; the p-value follows scipy.stats.ks_2samp: exact (lattice-path counting)
/// when both samples have at most 10,000 values, otherwise the distribution of the one-sample statistic
/// (<see cref="KolmogorovDistribution"/>) at n = round(n1·n2 / (n1 + n2)).
/// </summary>
public static class KolmogorovSmirnovTest
{
    public const int MaxExactSize = 10_000;

    public static KsResult Test(EmpiricalDistribution a, EmpiricalDistribution b, KsMethod method = KsMethod.Auto)
    {
        if (a.IsEmpty || b.IsEmpty)
        {
            throw new ArgumentException("both samples need at least one value");
        }

        var d = Statistic(a, b);
        return WithPValue(d, a.SampleSize, b.SampleSize, method);
    }

    /// <summary>The p-value of an observed statistic <paramref name="d"/> for samples of sizes n1 and n2.</summary>
    public static KsResult WithPValue(double d, long n1, long n2, KsMethod method = KsMethod.Auto)
    {
        if (method == KsMethod.Auto)
        {
            method = Math.Max(n1, n2) <= MaxExactSize ? KsMethod.Exact : KsMethod.Asymptotic;
        }

        if (method == KsMethod.Exact)
        {
            if (n1 > int.MaxValue || n2 > int.MaxValue || (double)(n1 / Gcd(n1, n2)) * n2 > int.MaxValue)
            {
                method = KsMethod.Asymptotic;
            }
            else
            {
                return new KsResult(d, Math.Clamp(SmirnovExact.TwoSided((int)n1, (int)n2, d), 0, 1), KsMethod.Exact);
            }
        }

        var (m, n) = n1 >= n2 ? ((double)n1, (double)n2) : (n2, n1);
        var en = Math.Round(m * n / (m + n), MidpointRounding.ToEven);
        var p = KolmogorovDistribution.Survival((long)en, d);
        return new KsResult(d, Math.Clamp(p, 0, 1), KsMethod.Asymptotic);
    }

    /// <summary>sup |F_a(x) − F_b(x)| over the pooled values.</summary>
    public static double Statistic(EmpiricalDistribution a, EmpiricalDistribution b)
    {
        double max = 0, min = 0;
        int i = 0, j = 0;
        double ca = 0, cb = 0;
        var na = a.TotalWeight;
        var nb = b.TotalWeight;
        while (i < a.Values.Length || j < b.Values.Length)
        {
            double x;
            if (j >= b.Values.Length || (i < a.Values.Length && a.Values[i] <= b.Values[j]))
            {
                x = a.Values[i];
            }
            else
            {
                x = b.Values[j];
            }

            while (i < a.Values.Length && a.Values[i] <= x)
            {
                ca = a.CumulativeAt(i++);
            }

            while (j < b.Values.Length && b.Values[j] <= x)
            {
                cb = b.CumulativeAt(j++);
            }

            var diff = (ca / na) - (cb / nb);
            max = Math.Max(max, diff);
            min = Math.Min(min, diff);
        }

        return Math.Max(max, -min);
    }

    internal static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
