using Gates.Core.Results;
using Gates.Core.Statistics;

namespace Gates.Bench.Honesty;

/// <summary>How often each 95 % interval the gates use contains the true value, over seeded samples.</summary>
public static class Coverage
{
    private const double Level = 0.95;

    public static IEnumerable<Row> Run(HonestyConfig config)
    {
        var random = new Random(config.Seed + 1);
        yield return Measure("proportion, Wilson", "p = 0.9, n = 100", config.Trials, () =>
            ProportionInterval.Wilson(Draw.Binomial(random, 100, 0.9), 100, Level).Contains(0.9));
        yield return Measure("mean, Student t", "exponential scores, n = 30", config.Trials, () =>
            MeanInterval.Student(Sample(30, () => Draw.Exponential(random)), Level).Contains(1));
        yield return Measure("paired proportions, McNemar (Tango)", "200 items, true difference +0.02", config.Trials, () => Paired(random));
        yield return Measure("paired means, bootstrap", "50 items, true difference +0.05", config.Trials / 8, () =>
        {
            var baseline = Sample(50, () => Draw.Normal(random));
            var current = baseline.Select(b => b + 0.05 + (0.5 * Draw.Normal(random))).ToArray();
            return PairedBootstrap.Compare(current, baseline, Level, 1000, random.Next()).Interval.Contains(0.05);
        });
        yield return Measure("percentile, order statistics", "p95 of an exponential, n = 200", config.Trials, () => Percentile(random));
        var (naive, items) = Repeats(random, config.Trials);
        yield return new Row("eval-gate", "coverage: repeats counted as independent runs", "30 items x 3 runs, item rates ~ U(0, 1)", naive, "95 %: falls short");
        yield return new Row("eval-gate", "coverage: repeats, item-level interval", "30 items x 3 runs, item rates ~ U(0, 1)", items, "95 %");
    }

    private static Row Measure(string name, string setting, int trials, Func<bool> covers)
    {
        var hits = 0;
        for (var t = 0; t < trials; t++)
        {
            hits += covers() ? 1 : 0;
        }

        return new Row(name.StartsWith("percentile", StringComparison.Ordinal) ? "latency-bench" : "eval-gate", $"coverage: {name}", setting, (double)hits / trials, "95 %");
    }

    private static double[] Sample(int n, Func<double> draw) => [.. Enumerable.Range(0, n).Select(_ => draw())];

    private static bool Paired(Random random)
    {
        // Joint outcomes per item: both pass 0.60, baseline only 0.10, current only 0.12, neither 0.18.
        long baselineOnly = 0, currentOnly = 0;
        for (var i = 0; i < 200; i++)
        {
            var u = random.NextDouble();
            baselineOnly += u is >= 0.60 and < 0.70 ? 1 : 0;
            currentOnly += u is >= 0.70 and < 0.82 ? 1 : 0;
        }

        return McNemar.Test(baselineOnly, currentOnly, 200, Level).Interval.Contains(0.02);
    }

    private static bool Percentile(Random random)
    {
        var sorted = Sample(200, () => Draw.Exponential(random));
        Array.Sort(sorted);
        var (low, high) = QuantileInterval.Ranks(200, 0.95, Level);
        return new Interval(sorted[low!.Value - 1], sorted[high!.Value - 1], Level).Contains(-Math.Log(0.05));
    }

    /// <summary>Per item a true pass rate, three runs each; the target is the mean item rate (0.5).</summary>
    private static (double Naive, double Items) Repeats(Random random, int trials)
    {
        int naive = 0, items = 0;
        for (var t = 0; t < trials; t++)
        {
            var itemMeans = new double[30];
            var passes = 0;
            for (var i = 0; i < 30; i++)
            {
                var rate = random.NextDouble();
                var k = Draw.Binomial(random, 3, rate);
                passes += k;
                itemMeans[i] = k / 3.0;
            }

            naive += ProportionInterval.Wilson(passes, 90, Level).Contains(0.5) ? 1 : 0;
            items += MeanInterval.Student(itemMeans, Level).Contains(0.5) ? 1 : 0;
        }

        return ((double)naive / trials, (double)items / trials);
    }
}
