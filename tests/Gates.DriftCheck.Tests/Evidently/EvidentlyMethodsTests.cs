using Gates.DriftCheck.Analysis;
using Gates.DriftCheck.Config;
using Gates.DriftCheck.Evidently;
using Gates.Testing;

namespace Gates.DriftCheck.Tests.Evidently;

/// <summary>Methods a config names, with Evidently's formulas, default thresholds and directions.</summary>
public class EvidentlyMethodsTests
{
    private static DriftSettings With(string config) => new()
    {
        Mode = DriftMode.Evidently,
        Evidently = EvidentlyConfigReader.Read("config.json", config, "0"),
    };

    private static (string, string) Halves(TempFolder folder)
    {
        var reference = TestData.Csv(folder, "r.csv", ("c", [.. Enumerable.Range(0, 400).Select(i => i % 2 == 0 ? "a" : "b")]));
        var current = TestData.Csv(folder, "c.csv", ("c", [.. Enumerable.Range(0, 400).Select(i => i % 4 == 0 ? "a" : "b")]));
        return (reference, current);
    }

    [Theory]
    [InlineData("psi", 0.27465, "gte")]
    [InlineData("kl_div", 0.14384, "gte")]
    [InlineData("jensenshannon", 0.18391, "gte")]
    public void Named_methods_score_category_shares_as_evidently_does(string method, double expected, string when)
    {
        using var folder = new TempFolder();
        var (r, c) = Halves(folder);

        var column = TestData.Compare(r, c, With($$"""{"metrics": [{"type": "DataDriftPreset", "cat_method": "{{method}}"}]}""")).Column("c");

        column.Statistic!.Value.ShouldBe(expected, 1e-4);
        column.Threshold.ShouldBe(0.1);
        column.DriftWhen.ShouldBe(when);
        column.Status.ShouldBe(ColumnStatus.Drift);
        column.Reason.ShouldStartWith($"method {method} from the Evidently config");
    }

    [Fact]
    public void A_per_column_threshold_replaces_the_method_default()
    {
        using var folder = new TempFolder();
        var (r, c) = Halves(folder);

        var column = TestData.Compare(r, c, With("""{"metrics": [{"type": "DataDriftPreset", "method": "psi", "per_column_threshold": {"c": 0.3}}]}""")).Column("c");

        column.Threshold.ShouldBe(0.3);
        column.Status.ShouldBe(ColumnStatus.NoDrift);
    }

    [Fact]
    public void Without_a_method_the_config_gets_evidentlys_defaults_by_type_and_size()
    {
        using var folder = new TempFolder();
        var reference = TestData.Csv(folder, "r.csv", ("x", TestData.Text(TestData.Normal(1, 2000))), ("y", TestData.Text(TestData.Normal(3, 600).Concat(TestData.Normal(4, 1400, 0.1)))));
        var current = TestData.Csv(folder, "c.csv", ("x", TestData.Text(TestData.Normal(2, 500, 0.3))), ("y", TestData.Text(TestData.Normal(5, 500))));

        var result = TestData.Compare(reference, current, With("""{"metrics": [{"type": "DataDriftPreset"}]}"""));
        var plain = TestData.Compare(reference, current, new DriftSettings { Mode = DriftMode.Evidently });

        result.Column("x").Method.ShouldBe("wasserstein (normed)");
        result.Column("x").Threshold.ShouldBe(0.1);
        result.Column("x").Statistic.ShouldBe(plain.Column("x").Statistic);
        result.Column("x").Status.ShouldBe(ColumnStatus.Drift);
        result.Column("y").Status.ShouldBe(plain.Column("y").Status);
    }

    [Fact]
    public void Sturges_bins_span_both_samples_with_ceil_log2_n_plus_one_bins()
    {
        var r = Core.Statistics.Drift.EmpiricalDistribution.FromValues([0, 1, 2, 3]);
        var c = Core.Statistics.Drift.EmpiricalDistribution.FromValues([4, 5, 6, 7]);

        var (p, q) = EvidentlyMethods.Sturges(r, c);

        p.Length.ShouldBe(4);
        p.ShouldBe([0.5, 0.5, 0, 0]);
        q.ShouldBe([0, 0, 0.5, 0.5]);
    }
}
