namespace Gates.DriftCheck.Analysis.Learning;

/// <summary>A statistic against its permutation null: p-value (with the +1 correction) and the null's upper quantile.</summary>
internal sealed record PermutationNull(double PValue, double Quantile, int Permutations)
{
    /// <summary>p = (1 + #null ≥ observed) / (1 + permutations); quantile = the null's (1 − alpha) percentile.</summary>
    public static PermutationNull Of(double observed, double[] nulls, double alpha)
    {
        var atLeast = nulls.Count(v => v >= observed);
        var sorted = nulls.Order().ToArray();
        var quantile = sorted.Length == 0 ? double.NaN : Percentile(sorted, 1 - alpha);
        return new PermutationNull((1.0 + atLeast) / (1.0 + nulls.Length), quantile, nulls.Length);
    }

    /// <summary>Linear interpolation between closest ranks (numpy's default percentile).</summary>
    public static double Percentile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }
}
