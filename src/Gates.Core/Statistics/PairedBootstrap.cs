namespace Gates.Core.Statistics;

/// <summary>Paired bootstrap for two models scored on the same items.</summary>
public static class PairedBootstrap
{
    /// <summary>
    /// Compares per-item scores of the current model with the baseline's on the same items (same order, same
    /// length). Each resample draws item indices with replacement (<c>new Random(seed)</c>) and takes the mean of
    /// current − baseline over them. The interval is the α/2 and 1 − α/2 percentiles of those means; the p-value is
    /// 2 × min(share ≤ 0, share ≥ 0), capped at 1. The same inputs and seed give the same result.
    /// </summary>
    public static PairedBootstrapResult Compare(
        IReadOnlyList<double> current, IReadOnlyList<double> baseline, double level, int resamples, int seed)
    {
        var now = Require.FiniteValues(current, nameof(current));
        var before = Require.FiniteValues(baseline, nameof(baseline));
        if (now.Length != before.Length)
        {
            throw new ArgumentException(
                $"current and baseline must pair item by item, got {now.Length} and {before.Length} values", nameof(baseline));
        }

        Require.Level(level);
        var differences = new double[now.Length];
        var sum = 0.0;
        for (var i = 0; i < differences.Length; i++)
        {
            differences[i] = now[i] - before[i];
            sum += differences[i];
        }

        var means = BootstrapMeans.Sorted(differences, resamples, seed);
        return new PairedBootstrapResult
        {
            N = differences.Length,
            MeanDifference = sum / differences.Length,
            Interval = BootstrapMeans.PercentileInterval(means, level),
            PValue = TwoSidedP(means),
            Resamples = resamples,
            Seed = seed,
        };
    }

    private static double TwoSidedP(double[] means)
    {
        long atMostZero = 0, atLeastZero = 0;
        foreach (var mean in means)
        {
            if (mean <= 0)
            {
                atMostZero++;
            }

            if (mean >= 0)
            {
                atLeastZero++;
            }
        }

        var smaller = Math.Min(atMostZero, atLeastZero);
        return Math.Min(1, 2.0 * smaller / means.Length);
    }
}
