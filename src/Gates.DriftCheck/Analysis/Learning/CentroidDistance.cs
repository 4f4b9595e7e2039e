namespace Gates.DriftCheck.Analysis.Learning;

/// <summary>Cosine distance between the mean vectors, with a permutation p-value on a subsample.</summary>
internal sealed record CentroidResult(double Distance, double PValue, int Permutations);

/// <summary>
/// 1 − cos(mean of reference, mean of current): the means come from every row read; the p-value compares the
/// distance on the MMD subsample with the distances after permuting its labels.
/// </summary>
internal static class CentroidDistance
{
    public static double Cosine(double[] a, double[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return na == 0 || nb == 0 ? (na == nb ? 0 : 1) : 1 - (dot / Math.Sqrt(na * nb));
    }

    public static CentroidResult Test(double[] referenceMean, double[] currentMean, IReadOnlyList<float[]> reference, IReadOnlyList<float[]> current,
        int maxRows, int permutations, int seed)
    {
        var random = new Random(seed);
        var x = Take(reference, maxRows, random);
        var y = Take(current, maxRows, random);
        var pooled = x.Concat(y).ToArray();
        var labels = pooled.Select((_, i) => i >= x.Length).ToArray();
        var observed = Split(pooled, labels);
        var nulls = new double[permutations];
        for (var b = 0; b < permutations; b++)
        {
            random.Shuffle(labels);
            nulls[b] = Split(pooled, labels);
        }

        return new CentroidResult(Cosine(referenceMean, currentMean), PermutationNull.Of(observed, nulls, 0.05).PValue, permutations);
    }

    private static double Split(float[][] rows, bool[] isCurrent)
    {
        var dimension = rows[0].Length;
        var a = new double[dimension];
        var b = new double[dimension];
        for (var i = 0; i < rows.Length; i++)
        {
            var target = isCurrent[i] ? b : a;
            var row = rows[i];
            for (var j = 0; j < dimension; j++)
            {
                target[j] += row[j];
            }
        }

        return Cosine(a, b);
    }

    private static float[][] Take(IReadOnlyList<float[]> rows, int maxRows, Random random)
    {
        if (rows.Count <= maxRows)
        {
            return [.. rows];
        }

        var order = Enumerable.Range(0, rows.Count).ToArray();
        random.Shuffle(order);
        return [.. order[..maxRows].Select(i => rows[i])];
    }
}
