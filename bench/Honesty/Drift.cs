using Gates.Core.Statistics.Drift;

namespace Gates.Bench.Honesty;

/// <summary>
/// drift-check on null splits of a real table: two disjoint random samples of the same rows, so any drift flagged is
/// false. Per column, drift-check's default rule (effect ≥ threshold and p &lt; 0.05) against Evidently's default for
/// samples up to 1,000 rows as its docs describe it (K-S p &lt; 0.05 for numeric columns with more than 5 distinct
/// values, chi-square p &lt; 0.05 for categorical ones, the two-proportion z-test for two categories; the dataset
/// drifts when at least half the columns do).
/// </summary>
public static class Drift
{
    private const double Alpha = 0.05;

    public static IEnumerable<Row> Run(HonestyConfig config)
    {
        var table = Table.Read(config.Table);
        var name = Path.GetFileName(config.Table);
        foreach (var rows in new[] { 50, 100, 500 })
        {
            var random = new Random(config.Seed + rows);
            int columns = 0, gatesColumns = 0, evidentlyColumns = 0, gatesAny = 0, evidentlyAny = 0, evidentlyDataset = 0;
            for (var t = 0; t < config.DriftTrials; t++)
            {
                var order = Enumerable.Range(0, table.Rows.Length).OrderBy(_ => random.Next()).Take(2 * rows).ToArray();
                int g = 0, e = 0;
                for (var c = 0; c < table.Names.Length; c++)
                {
                    var reference = order.Take(rows).Select(i => table.Rows[i][c]).ToArray();
                    var current = order.Skip(rows).Select(i => table.Rows[i][c]).ToArray();
                    var (gates, evidently) = Column(reference, current);
                    g += gates ? 1 : 0;
                    e += evidently ? 1 : 0;
                }

                columns += table.Names.Length;
                gatesColumns += g;
                evidentlyColumns += e;
                gatesAny += g > 0 ? 1 : 0;
                evidentlyAny += e > 0 ? 1 : 0;
                evidentlyDataset += e >= table.Names.Length / 2.0 ? 1 : 0;
            }

            var setting = $"{name}, {rows} vs {rows} rows, {table.Names.Length} columns";
            var trials = (double)config.DriftTrials;
            yield return new Row("drift-check", "false drift per column, default rule", setting, (double)gatesColumns / columns, "0 % is ideal; under 5 %");
            yield return new Row("drift-check", "false drift per column, Evidently's default tests", setting, (double)evidentlyColumns / columns, "5 % by construction");
            yield return new Row("drift-check", "runs with any column flagged, default rule", setting, gatesAny / trials, "0 % is ideal");
            yield return new Row("drift-check", "runs with any column flagged, Evidently's default tests", setting, evidentlyAny / trials, "0 % is ideal");
            yield return new Row("drift-check", "runs with dataset drift (>= 50 % of columns), Evidently's rule", setting, evidentlyDataset / trials, "0 %");
        }
    }

    /// <summary>Whether each rule flags this column.</summary>
    private static (bool Gates, bool Evidently) Column(string[] reference, string[] current)
    {
        var numeric = reference.Concat(current).All(v => Table.IsNumber(v, out _));
        var distinct = reference.Distinct().Count();
        if (numeric && distinct > 5)
        {
            var a = EmpiricalDistribution.FromValues([.. reference.Select(Number)]);
            var b = EmpiricalDistribution.FromValues([.. current.Select(Number)]);
            var p = KolmogorovSmirnovTest.Test(a, b).PValue;
            var sd = Moments.Of(a).PopulationStandardDeviation;
            var effect = sd > 0 ? Divergences.Wasserstein(a, b) / sd : 0;
            return (p < Alpha && effect >= 0.2, p < Alpha);
        }

        var categories = reference.Concat(current).Distinct().ToArray();
        double[] Counts(string[] values) => [.. categories.Select(k => (double)values.Count(v => v == k))];
        var first = Counts(reference);
        var second = Counts(current);
        var pValue = categories.Length switch
        {
            1 => 1,
            2 => TwoProportionZTest.Test(first[0], reference.Length, second[0], current.Length).PValue,
            _ => ChiSquareTest.Homogeneity(first, second).PValue,
        };
        var js = Divergences.JensenShannon(Shares(first), Shares(second));
        return (pValue < Alpha && js >= 0.1, pValue < Alpha);
    }

    private static double Number(string text) => Table.IsNumber(text, out var v) ? v : double.NaN;

    private static double[] Shares(double[] counts) => [.. counts.Select(c => c / counts.Sum())];
}
