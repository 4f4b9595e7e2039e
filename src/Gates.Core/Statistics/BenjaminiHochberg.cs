namespace Gates.Core.Statistics;

/// <summary>Benjamini–Hochberg control of the false discovery rate across many gates or columns.</summary>
public static class BenjaminiHochberg
{
    /// <summary>
    /// Adjusted p-values in input order: sort ascending, take m·p(i)/i, make them non-decreasing from the largest
    /// down (running minimum), cap at 1. Same as statsmodels <c>multipletests(method='fdr_bh')[1]</c> and R
    /// <c>p.adjust(method = "BH")</c>.
    /// </summary>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        var p = Require.FiniteValues(pValues, nameof(pValues));
        for (var i = 0; i < p.Length; i++)
        {
            Require.Probability(p[i], $"{nameof(pValues)}[{i}]");
        }

        var m = p.Length;
        var order = new int[m];
        for (var i = 0; i < m; i++)
        {
            order[i] = i;
        }

        Array.Sort((double[])p.Clone(), order);
        var adjusted = new double[m];
        var running = 1.0;
        for (var rank = m; rank >= 1; rank--)
        {
            var index = order[rank - 1];
            running = Math.Min(running, p[index] * m / rank);
            adjusted[index] = running;
        }

        return adjusted;
    }

    /// <summary>Which hypotheses are rejected at false discovery rate <paramref name="q"/> (adjusted p ≤ q).</summary>
    public static bool[] Reject(IReadOnlyList<double> pValues, double q)
    {
        Require.Level(q, nameof(q));
        var adjusted = Adjust(pValues);
        var reject = new bool[adjusted.Length];
        for (var i = 0; i < adjusted.Length; i++)
        {
            reject[i] = adjusted[i] <= q;
        }

        return reject;
    }
}
