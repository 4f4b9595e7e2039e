using Gates.DriftCheck.Analysis;
using Gates.DriftCheck.Config;
using Gates.Testing;

namespace Gates.DriftCheck.Tests.Analysis;

public class DefaultModeTests
{
    [Fact]
    public void Same_distribution_is_no_drift_and_says_the_threshold_would_have_been_detected()
    {
        using var folder = new TempFolder();
        var result = Compare(folder, TestData.Normal(1, 5000), TestData.Normal(2, 5000));

        var x = result.Column("x");
        x.Status.ShouldBe(ColumnStatus.NoDrift);
        x.Reason.ShouldStartWith("not significant (p = ");
        x.Reason.ShouldContain("an effect of 0.2 would have been detected");
        x.Method.ShouldBe("wasserstein/sd + ks (exact)");
    }

    [Fact]
    public void A_shift_that_matters_and_is_significant_is_drift_with_the_effect_in_plain_words()
    {
        using var folder = new TempFolder();
        var result = Compare(folder, TestData.Normal(1, 4000, 10, 2), TestData.Normal(2, 3000, 11, 2));

        var x = result.Column("x");
        x.Status.ShouldBe(ColumnStatus.Drift);
        x.Statistic!.Value.ShouldBe(0.5, 0.06);
        x.Effect.ShouldStartWith("mean +0.5");
        x.Effect.ShouldContain("sd (");
        x.PValue!.Value.ShouldBeLessThan(1e-20);
    }

    [Fact]
    public void On_a_million_rows_a_tiny_shift_is_significant_but_too_small_to_matter()
    {
        using var folder = new TempFolder();
        var result = Compare(folder, TestData.Normal(1, 400_000), TestData.Normal(2, 400_000, 0.02));

        var x = result.Column("x");
        x.PValue!.Value.ShouldBeLessThan(0.05);
        x.Status.ShouldBe(ColumnStatus.NoDrift);
        x.Reason.ShouldContain("too small to matter");
        x.Method.ShouldBe("wasserstein/sd + ks (asymptotic)");
    }

    [Fact]
    public void A_small_current_window_is_insufficient_data_with_the_rows_it_would_need()
    {
        using var folder = new TempFolder();
        var result = Compare(folder, TestData.Normal(1, 20_000), TestData.Normal(2, 40, 0.1));

        var x = result.Column("x");
        x.Status.ShouldBe(ColumnStatus.InsufficientData);
        x.DetectableEffect!.Value.ShouldBeGreaterThan(0.2);
        // 80% power at α = 0.05 for a 0.2 sd shift needs about 2·(1.779/0.0797)² / 2 ≈ 500 rows per side
        x.NeededCurrentRows!.Value.ShouldBeInRange(480, 530);
        x.Reason.ShouldContain($"about {Words.Count(x.NeededCurrentRows.Value)} current values would detect 0.2");
    }

    [Fact]
    public void Categories_use_jensen_shannon_and_chi_square_and_report_the_biggest_change()
    {
        using var folder = new TempFolder();
        var reference = TestData.Categories(1, 3000, ("US", 60), ("DE", 25), ("BR", 15));
        var current = TestData.Categories(2, 3000, ("US", 40), ("DE", 25), ("BR", 35));
        var path = TestData.Csv(folder, "r.csv", ("country", reference));
        var cur = TestData.Csv(folder, "c.csv", ("country", current));

        var country = TestData.Compare(path, cur).Column("country");

        country.Status.ShouldBe(ColumnStatus.Drift);
        country.Method.ShouldBe("jensen-shannon + chi-square");
        country.Effect!.ShouldMatch(@"^country=(US 6\d% → 4\d%|BR 1\d% → 3\d%)$");
    }

    [Fact]
    public void New_categories_and_a_missing_rate_change_are_signals_of_their_own()
    {
        using var folder = new TempFolder();
        var reference = TestData.Categories(1, 2000, ("a", 50), ("b", 50));
        var current = TestData.Categories(2, 2000, ("a", 45), ("b", 45), ("c", 5), ("", 5));
        var r = TestData.Csv(folder, "r.csv", ("k", reference), ("n", TestData.Text(TestData.Normal(1, 2000))));
        var c = TestData.Csv(folder, "c.csv", ("k", current), ("n", TestData.Text(TestData.Normal(2, 2000))));

        var k = TestData.Compare(r, c).Column("k");

        var newCategories = k.Signals.Single(s => s.Name == "new categories");
        newCategories.Fired.ShouldBeTrue();
        newCategories.Examples.Single().ShouldStartWith("c (");
        var missing = k.Signals.Single(s => s.Name == "missing rate");
        missing.Fired.ShouldBeTrue();
        missing.Words.ShouldMatch(@"^missing 0% → \d%$");
    }

    [Fact]
    public void Values_outside_the_reference_range_are_a_signal()
    {
        using var folder = new TempFolder();
        var current = TestData.Normal(2, 2000).Select((v, i) => i % 20 == 0 ? v + 50 : v);

        var x = Compare(folder, TestData.Normal(1, 2000), [.. current]).Column("x");

        var outside = x.Signals.Single(s => s.Name == "out of range");
        outside.Fired.ShouldBeTrue();
        outside.Value.ShouldBe(0.05, 0.001);
        outside.Words.ShouldContain("5% of current values outside the reference range");
    }

    [Fact]
    public void A_constant_reference_is_compared_as_same_value_against_other_values()
    {
        using var folder = new TempFolder();
        var same = Compare(folder, [.. Enumerable.Repeat(3.5, 500)], [.. Enumerable.Repeat(3.5, 400)]).Column("x");
        same.Type.ShouldBe("numeric");
        same.Status.ShouldBe(ColumnStatus.NoDrift);
        same.Effect.ShouldBe("constant 3.5 in both");

        var changed = Compare(folder, [.. Enumerable.Repeat(3.5, 500)], [.. Enumerable.Range(0, 400).Select(i => i % 4 == 0 ? 7.5 : 3.5)]).Column("x");
        changed.Status.ShouldBe(ColumnStatus.Drift);
        changed.Effect.ShouldBe("the reference is always 3.5; 25% of current values differ (mean 4.5)");

        var codes = Compare(folder, [.. Enumerable.Repeat(3.0, 500)], [.. Enumerable.Repeat(3.0, 400)]).Column("x");
        codes.Type.ShouldBe("categorical");
        codes.Status.ShouldBe(ColumnStatus.NoDrift);
        codes.Reason.ShouldBe("a single value on both sides (3)");
    }

    [Fact]
    public void Benjamini_Hochberg_adjusts_the_p_values_across_columns()
    {
        using var folder = new TempFolder();
        var r = TestData.Csv(folder, "r.csv", ("a", TestData.Text(TestData.Normal(1, 800))), ("b", TestData.Text(TestData.Normal(3, 800))));
        var c = TestData.Csv(folder, "c.csv", ("a", TestData.Text(TestData.Normal(2, 800, 0.3))), ("b", TestData.Text(TestData.Normal(4, 800))));

        var plain = TestData.Compare(r, c);
        var adjusted = TestData.Compare(r, c, new DriftSettings { BenjaminiHochberg = true });

        plain.Column("a").AdjustedPValue.ShouldBeNull();
        var (pa, pb) = (plain.Column("a").PValue!.Value, plain.Column("b").PValue!.Value);
        adjusted.Column("a").AdjustedPValue!.Value.ShouldBe(Math.Min(pa * 2, pb), 1e-12);
        adjusted.Column("b").AdjustedPValue!.Value.ShouldBe(pb, 1e-12);
    }

    [Fact]
    public void Columns_that_cannot_be_tested_get_a_status_and_never_stop_the_run()
    {
        using var folder = new TempFolder();
        var ids = Enumerable.Range(1, 30).Select(i => i.ToString()).ToList();
        var r = TestData.Csv(folder, "r.csv", ("id", ids), ("empty", [.. Enumerable.Repeat("", 30)]), ("old", [.. Enumerable.Repeat("x", 30)]), ("v", TestData.Text(TestData.Normal(1, 30))));
        var c = TestData.Csv(folder, "c.csv", ("id", ids), ("empty", [.. Enumerable.Repeat("", 30)]), ("new", [.. Enumerable.Repeat("y", 30)]), ("v", TestData.Text(TestData.Normal(2, 30))));

        var result = TestData.Compare(r, c);

        result.Column("id").Status.ShouldBe(ColumnStatus.NotTested);
        result.Column("id").Expected.ShouldBeTrue();
        result.Column("empty").Reason.ShouldStartWith("the reference has no values");
        result.Column("old").Reason.ShouldBe("only in the reference: the current data have no such column");
        result.Column("new").Reason.ShouldBe("only in the current data: the reference has no such column");
        result.Column("v").Status.ShouldNotBe(ColumnStatus.NotTested);
        result.Compared.ShouldBe(1);
    }

    [Fact]
    public void Text_in_a_numeric_column_of_the_current_data_is_an_invalid_values_signal()
    {
        using var folder = new TempFolder();
        var current = TestData.Text(TestData.Normal(2, 300)).ToList();
        current[10] = "oops";
        var r = TestData.Csv(folder, "r.csv", ("x", TestData.Text(TestData.Normal(1, 300))));
        var c = TestData.Csv(folder, "c.csv", ("x", current));

        var x = TestData.Compare(r, c).Column("x");

        x.Status.ShouldNotBe(ColumnStatus.NotTested);
        x.CurrentCount.ShouldBe(299);
        x.Signals.Single(s => s.Name == "invalid values").Words.ShouldBe("1 current values are not numbers (first 'oops' at row 11)");
    }

    private static DriftResult Compare(TempFolder folder, double[] reference, double[] current)
    {
        var r = TestData.Csv(folder, $"r{Guid.NewGuid():N}.csv", ("x", TestData.Text(reference)));
        var c = TestData.Csv(folder, $"c{Guid.NewGuid():N}.csv", ("x", TestData.Text(current)));
        return TestData.Compare(r, c);
    }
}
