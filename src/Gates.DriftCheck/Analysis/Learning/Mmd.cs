using System.Numerics;

namespace Gates.DriftCheck.Analysis.Learning;

/// <summary>Maximum mean discrepancy with its permutation test.</summary>
internal sealed record MmdResult(double Mmd2, double PValue, double Bandwidth, int ReferenceRows, int CurrentRows, int Permutations);

/// <summary>
/// Unbiased MMD² with an RBF kernel exp(−‖x − y‖² / σ²), σ the median distance between reference and current rows
/// (the median heuristic, as Evidently's mmd method), on at most <c>maxRows</c> rows a side drawn with a seed; the
/// p-value permutes the pooled rows' labels over the same kernel matrix.
/// </summary>
internal static class Mmd
{
    public static MmdResult Test(IReadOnlyList<float[]> reference, IReadOnlyList<float[]> current, int maxRows, int permutations, int seed)
    {
        var random = new Random(seed);
        var x = Subsample(reference, maxRows, random);
        var y = Subsample(current, maxRows, random);
        var rows = x.Concat(y).ToArray();
        var n = rows.Length;
        var d2 = new float[n * n];
        Parallel.For(0, n, i =>
        {
            for (var j = i + 1; j < n; j++)
            {
                var d = SquaredDistance(rows[i], rows[j]);
                d2[(i * n) + j] = d;
                d2[(j * n) + i] = d;
            }
        });

        var cross = new double[x.Length * y.Length];
        for (var i = 0; i < x.Length; i++)
        {
            for (var j = 0; j < y.Length; j++)
            {
                cross[(i * y.Length) + j] = Math.Sqrt(d2[(i * n) + x.Length + j]);
            }
        }

        Array.Sort(cross);
        var sigma = PermutationNull.Percentile(cross, 0.5);
        var gamma = sigma > 0 ? 1 / (sigma * sigma) : 1;
        var kernel = new float[n * n];
        for (var k = 0; k < kernel.Length; k++)
        {
            kernel[k] = (float)Math.Exp(-gamma * d2[k]);
        }

        var labels = new bool[n];
        for (var i = x.Length; i < n; i++)
        {
            labels[i] = true;
        }

        var observed = Unbiased(kernel, labels, n, x.Length);
        var nulls = new double[permutations];
        for (var b = 0; b < permutations; b++)
        {
            random.Shuffle(labels);
            nulls[b] = Unbiased(kernel, labels, n, x.Length);
        }

        var p = PermutationNull.Of(observed, nulls, 0.05).PValue;
        return new MmdResult(observed, p, sigma, x.Length, y.Length, permutations);
    }

    /// <summary>Unbiased MMD² for the split given by <paramref name="isCurrent"/> (m rows false, n − m true).</summary>
    private static double Unbiased(float[] kernel, bool[] isCurrent, int n, int m)
    {
        double xx = 0, yy = 0, xy = 0;
        for (var i = 0; i < n; i++)
        {
            var row = i * n;
            var ci = isCurrent[i];
            double same = 0, other = 0;
            for (var j = 0; j < n; j++)
            {
                if (j == i)
                {
                    continue;
                }

                if (isCurrent[j] == ci)
                {
                    same += kernel[row + j];
                }
                else
                {
                    other += kernel[row + j];
                }
            }

            if (ci)
            {
                yy += same;
            }
            else
            {
                xx += same;
                xy += other;
            }
        }

        double mx = m, my = n - m;
        return (xx / (mx * (mx - 1))) + (yy / (my * (my - 1))) - (2 * xy / (mx * my));
    }

    public static float SquaredDistance(float[] a, float[] b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var d = new Vector<float>(a, i) - new Vector<float>(b, i);
            sum += d * d;
        }

        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            var d = a[i] - b[i];
            total += d * d;
        }

        return total;
    }

    private static float[][] Subsample(IReadOnlyList<float[]> rows, int maxRows, Random random)
    {
        if (rows.Count <= maxRows)
        {
            return [.. rows];
        }

        var order = Enumerable.Range(0, rows.Count).ToArray();
        random.Shuffle(order);
        return [.. order[..maxRows].Order().Select(i => rows[i])];
    }
}
