namespace Gates.Core.Statistics;

/// <summary>Holm's step-down control of the family-wise error rate across several gates.</summary>
public static class Holm
{
    /// <summary>
    /// Adjusted p-values in input order: sort ascending, take (m − i + 1)·p(i), make them non-decreasing from the
    /// smallest up (running maximum), cap at 1. Same as statsmodels <c>multipletests(method='holm')[1]</c> and R
    /// <c>p.adjust(method = "holm")</c>.
    /// </summary>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        var p = Require.FiniteValues(pValues, nameof(pValues));
        for (var i = 0; i < p.Length; i++)
        {
            Require.Probability(p[i], $"{nameof(pValues)}[{i}]");
        }

        var m = p.Length;
        var order = Enumerable.Range(0, m).ToArray();
        Array.Sort((double[])p.Clone(), order);
        var adjusted = new double[m];
        var running = 0.0;
        for (var rank = 1; rank <= m; rank++)
        {
            var index = order[rank - 1];
            running = Math.Max(running, Math.Min(1, p[index] * (m - rank + 1)));
            adjusted[index] = running;
        }

        return adjusted;
    }

    /// <summary>Which hypotheses are rejected with family-wise error rate <paramref name="alpha"/> (adjusted p ≤ α).</summary>
    public static bool[] Reject(IReadOnlyList<double> pValues, double alpha)
    {
        Require.Level(alpha, nameof(alpha));
        return [.. Adjust(pValues).Select(p => p <= alpha)];
    }

    /// <summary>
    /// The level each test is run at under Holm's step-down when test i has error rate α_i and needs at least
    /// <paramref name="needed"/>[i] (the smallest α at which it is rejected; 1 when never): order by needed/α,
    /// the test of rank j gets α_j/(m − j + 1) while every earlier one was rejected; from the first that is not,
    /// that test and all later ones keep the level of the rank where the steps stopped. Returns α per test in input order.
    /// <paramref name="familySize"/> (at least the number of tests, default equal) counts further tests of the family
    /// that are run at the strictest step α/m and never take part in the stepping.
    /// </summary>
    public static double[] StepDownAlphas(IReadOnlyList<double> needed, IReadOnlyList<double> alphas, int? familySize = null)
    {
        if (familySize < needed.Count)
        {
            throw new ArgumentException($"familySize must be at least {needed.Count}, got {familySize}", nameof(familySize));
        }

        if (needed.Count != alphas.Count)
        {
            throw new ArgumentException($"needed has {needed.Count} values but alphas has {alphas.Count}", nameof(alphas));
        }

        for (var i = 0; i < alphas.Count; i++)
        {
            Require.Level(alphas[i], $"{nameof(alphas)}[{i}]");
            Require.Probability(needed[i], $"{nameof(needed)}[{i}]");
        }

        var m = familySize ?? needed.Count;
        var order = Enumerable.Range(0, needed.Count).OrderBy(i => needed[i] / alphas[i]).ThenBy(i => i).ToArray();
        var result = new double[needed.Count];
        var stoppedAt = 0;
        for (var rank = 1; rank <= needed.Count; rank++)
        {
            var index = order[rank - 1];
            var divisor = m - (stoppedAt > 0 ? stoppedAt : rank) + 1;
            result[index] = alphas[index] / divisor;
            if (stoppedAt == 0 && needed[index] > result[index])
            {
                stoppedAt = rank;
            }
        }

        return result;
    }
}
