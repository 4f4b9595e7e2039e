using Gates.Core.Statistics.Drift;
using Gates.DriftCheck.Analysis;
using Gates.DriftCheck.Config;
using Gates.Testing;

namespace Gates.DriftCheck.Tests.Analysis;

/// <summary>Evidently 0.7's DataDriftPreset choice: by column type, reference size (≤ 1000) and distinct values of both sides.</summary>
public class EvidentlyModeTests
{
    private static readonly DriftSettings Evidently = new() { Mode = DriftMode.Evidently };

    [Fact]
    public void Small_reference_numbers_with_many_values_use_ks_with_p_at_most_alpha()
    {
        using var folder = new TempFolder();
        var (r, c) = Files(folder, TestData.Normal(1, 800), TestData.Normal(2, 300, 0.4));

        var x = TestData.Compare(r, c, Evidently).Column("x");

        x.Method.ShouldBe("ks");
        x.DriftWhen.ShouldBe("lte");
        x.Threshold.ShouldBe(0.05);
        x.Status.ShouldBe(ColumnStatus.Drift);
        x.Reason.ShouldStartWith("reference 800 rows (≤ 1000), 1,100 distinct values: ks ");
    }

    [Fact]
    public void Small_reference_with_two_values_uses_the_z_test_and_three_to_five_the_goodness_of_fit_chi_square()
    {
        using var folder = new TempFolder();
        var (r2, c2) = Files(folder, [.. Enumerable.Range(0, 500).Select(i => i % 2 + 0.5)], [.. Enumerable.Range(0, 200).Select(i => i % 3 == 0 ? 1.5 : 0.5)]);
        TestData.Compare(r2, c2, Evidently).Column("x").Method.ShouldBe("z-test");

        var (r4, c4) = Files(folder, [.. Enumerable.Range(0, 500).Select(i => i % 4 + 0.5)], [.. Enumerable.Range(0, 200).Select(i => i % 4 + 0.5)]);
        var x = TestData.Compare(r4, c4, Evidently).Column("x");
        x.Method.ShouldBe("chi-square (goodness of fit)");
        x.Status.ShouldBe(ColumnStatus.NoDrift);
    }

    [Fact]
    public void Large_reference_numbers_use_wasserstein_over_the_population_sd_at_0_1()
    {
        using var folder = new TempFolder();
        var reference = TestData.Normal(1, 2000);
        var current = TestData.Normal(2, 1500, 0.15);
        var (r, c) = Files(folder, reference, current);

        var x = TestData.Compare(r, c, Evidently).Column("x");

        x.Method.ShouldBe("wasserstein (normed)");
        var expected = Divergences.Wasserstein(EmpiricalDistribution.FromValues([.. reference]), EmpiricalDistribution.FromValues([.. current]))
            / Moments.Of(reference).PopulationStandardDeviation;
        x.Statistic!.Value.ShouldBe(expected, 1e-12);
        x.Status.ShouldBe(expected >= 0.1 ? ColumnStatus.Drift : ColumnStatus.NoDrift);
    }

    [Fact]
    public void Large_reference_categories_use_jensen_shannon_in_natural_log()
    {
        using var folder = new TempFolder();
        var r = TestData.Csv(folder, "r.csv", ("k", TestData.Categories(1, 1500, ("a", 50), ("b", 50))));
        var c = TestData.Csv(folder, "c.csv", ("k", TestData.Categories(2, 1500, ("a", 64), ("b", 36))));

        var k = TestData.Compare(r, c, Evidently).Column("k");

        k.Method.ShouldBe("jensen-shannon (base e)");
        var shares = new[] { k.Histogram!.Reference, k.Histogram.Current };
        k.Statistic!.Value.ShouldBe(Divergences.JensenShannon(shares[0], shares[1], Math.E), 1e-9);
    }

    [Fact]
    public void A_category_the_reference_never_had_gives_chi_square_p_zero_as_in_Evidently()
    {
        using var folder = new TempFolder();
        var r = TestData.Csv(folder, "r.csv", ("k", TestData.Categories(1, 300, ("a", 1), ("b", 1), ("c", 1))));
        var current = TestData.Categories(2, 300, ("a", 1), ("b", 1), ("c", 1));
        current[0] = "new";
        var c = TestData.Csv(folder, "c.csv", ("k", current));

        var k = TestData.Compare(r, c, Evidently).Column("k");

        k.Method.ShouldBe("chi-square (goodness of fit)");
        k.Statistic.ShouldBe(0);
        k.Status.ShouldBe(ColumnStatus.Drift);
    }

    [Fact]
    public void With_a_small_current_window_Evidently_calls_drift_on_identical_distributions_and_the_default_mode_does_not()
    {
        using var folder = new TempFolder();
        var (r, c) = Files(folder, TestData.Normal(1, 2000), TestData.Normal(7, 60));

        var evidently = TestData.Compare(r, c, Evidently).Column("x");
        var calibrated = TestData.Compare(r, c).Column("x");

        evidently.Statistic!.Value.ShouldBeGreaterThanOrEqualTo(0.1);
        evidently.Status.ShouldBe(ColumnStatus.Drift);
        calibrated.Status.ShouldBe(ColumnStatus.InsufficientData);
    }

    private static (string Reference, string Current) Files(TempFolder folder, double[] reference, double[] current) =>
        (TestData.Csv(folder, $"r{Guid.NewGuid():N}.csv", ("x", TestData.Text(reference))),
         TestData.Csv(folder, $"c{Guid.NewGuid():N}.csv", ("x", TestData.Text(current))));
}
