namespace Gates.Core.Statistics.Drift;

public sealed record ChiSquareResult(double Statistic, double PValue, int DegreesOfFreedom);

/// <summary>Pearson chi-square tests on category counts.</summary>
public static class ChiSquareTest
{
    /// <summary>
    /// Homogeneity of two samples over the same categories (a 2×k contingency table), as scipy.stats.chi2_contingency
    /// with its default correction: Yates' continuity correction when there is one degree of freedom. Categories with
    /// no count on either side are ignored. Fewer than two categories give statistic 0 and p-value 1.
    /// </summary>
    public static ChiSquareResult Homogeneity(IReadOnlyList<double> first, IReadOnlyList<double> second, bool yates = true)
    {
        if (first.Count != second.Count)
        {
            throw new ArgumentException("both samples need a count for every category");
        }

        var columns = Enumerable.Range(0, first.Count).Where(i => first[i] + second[i] > 0).ToList();
        var n1 = columns.Sum(i => first[i]);
        var n2 = columns.Sum(i => second[i]);
        if (columns.Count < 2 || n1 == 0 || n2 == 0)
        {
            return new ChiSquareResult(0, 1, Math.Max(columns.Count - 1, 0));
        }

        var total = n1 + n2;
        var dof = columns.Count - 1;
        var statistic = 0.0;
        foreach (var i in columns)
        {
            var columnTotal = first[i] + second[i];
            statistic += Term(first[i], n1 * columnTotal / total, yates && dof == 1);
            statistic += Term(second[i], n2 * columnTotal / total, yates && dof == 1);
        }

        return new ChiSquareResult(statistic, Survival(statistic, dof), dof);
    }

    /// <summary>
    /// Goodness of fit of observed counts to expected counts (scipy.stats.chisquare), k − 1 degrees of freedom.
    /// An expected count of zero with a positive observed count gives an infinite statistic and p-value 0.
    /// </summary>
    public static ChiSquareResult GoodnessOfFit(IReadOnlyList<double> observed, IReadOnlyList<double> expected)
    {
        var statistic = 0.0;
        for (var i = 0; i < observed.Count; i++)
        {
            var diff = observed[i] - expected[i];
            statistic += expected[i] == 0 ? (diff == 0 ? double.NaN : double.PositiveInfinity) : diff * diff / expected[i];
        }

        var dof = observed.Count - 1;
        if (dof < 1 || double.IsNaN(statistic))
        {
            return new ChiSquareResult(statistic, double.NaN, dof);
        }

        return new ChiSquareResult(statistic, double.IsPositiveInfinity(statistic) ? 0 : Survival(statistic, dof), dof);
    }

    /// <summary>P(χ²_dof ≥ x), accurate in the far tail.</summary>
    public static double Survival(double x, double dof) =>
        x <= 0 ? 1 : MathNet.Numerics.SpecialFunctions.GammaUpperRegularized(dof / 2, x / 2);

    private static double Term(double observed, double expected, bool yates)
    {
        var diff = observed - expected;
        if (yates)
        {
            // Move the observed count half a unit towards the expected one, never past it.
            diff = Math.Sign(diff) * Math.Max(Math.Abs(diff) - 0.5, 0);
        }

        return diff * diff / expected;
    }
}
