using Gates.Core.Statistics;

namespace Gates.Core.Tests.Statistics;

public class RepeatedItemsTests
{
    private static ItemRuns Item(int runs, int passes, string id = "x") => new(id, runs, passes);

    [Fact]
    public void Twelve_deterministic_items_run_three_times_give_the_item_level_interval()
    {
        // 4 of 12 items pass in all 3 runs. Wilson(4, 12) = [0.1381, 0.6094] (statsmodels proportion_confint wilson);
        // counting the 36 runs as independent would give Wilson(12, 36) = [0.2021, 0.4967].
        var items = Enumerable.Range(0, 12).Select(i => Item(3, i < 4 ? 3 : 0, $"t{i}")).ToList();

        var (mean, sum, interval) = RepeatedItems.Summarise(items, PerItemRule.Share, 0.95);

        mean.ShouldBe(1.0 / 3, 1e-12);
        sum.ShouldBe(4, 1e-12);
        interval.Low.ShouldBe(0.1381200910912132, 1e-9);
        interval.High.ShouldBe(0.6093779111272004, 1e-9);
        interval.ShouldBe(ProportionInterval.Wilson(4, 12, 0.95));
    }

    [Fact]
    public void More_runs_of_the_same_items_never_narrow_the_interval()
    {
        var three = Enumerable.Range(0, 12).Select(i => Item(3, i < 4 ? 3 : 0)).ToList();
        var thirty = Enumerable.Range(0, 12).Select(i => Item(30, i < 4 ? 30 : 0)).ToList();

        RepeatedItems.Summarise(thirty, PerItemRule.Share, 0.95).Interval
            .ShouldBe(RepeatedItems.Summarise(three, PerItemRule.Share, 0.95).Interval);
    }

    [Theory]
    [InlineData(PerItemKind.All, 0, 1.0, 0.0, 0.0)]
    [InlineData(PerItemKind.Any, 0, 1.0, 1.0, 0.0)]
    [InlineData(PerItemKind.AtLeast, 2, 1.0, 1.0, 0.0)]
    [InlineData(PerItemKind.Flaky, 0, 0.0, 1.0, 0.0)]
    public void Indicator_rules_count_an_item_or_not(PerItemKind kind, int k, double allPass, double twoOfThree, double nonePass)
    {
        var rule = new PerItemRule(kind, k);

        RepeatedItems.Value(Item(3, 3), rule).ShouldBe(allPass);
        RepeatedItems.Value(Item(3, 2), rule).ShouldBe(twoOfThree);
        RepeatedItems.Value(Item(3, 0), rule).ShouldBe(nonePass);
    }

    [Fact]
    public void Pass_at_k_and_pass_all_k_are_the_unbiased_estimators()
    {
        // n = 5 runs, c = 2 passes, k = 2: pass@2 = 1 − C(3,2)/C(5,2) = 1 − 3/10 = 0.7; pass^2 = C(2,2)/C(5,2) = 0.1.
        RepeatedItems.Value(Item(5, 2), new PerItemRule(PerItemKind.PassAt, 2)).ShouldBe(0.7, 1e-12);
        RepeatedItems.Value(Item(5, 2), new PerItemRule(PerItemKind.PassAll, 2)).ShouldBe(0.1, 1e-12);
        // k = 1 is the plain share of passes.
        RepeatedItems.Value(Item(5, 2), new PerItemRule(PerItemKind.PassAt, 1)).ShouldBe(0.4, 1e-12);
        RepeatedItems.Value(Item(5, 2), new PerItemRule(PerItemKind.PassAll, 1)).ShouldBe(0.4, 1e-12);
        // k = n is the indicator: pass^n is all, pass@n is any.
        RepeatedItems.Value(Item(5, 2), new PerItemRule(PerItemKind.PassAll, 5)).ShouldBe(0);
        RepeatedItems.Value(Item(5, 2), new PerItemRule(PerItemKind.PassAt, 5)).ShouldBe(1, 1e-12);
    }

    [Fact]
    public void Fractional_item_values_use_the_wilson_formula_over_items()
    {
        // Wilson centre and half-width at p = 5.5/12 by the formula (z = 1.959963984540054).
        var interval = ProportionInterval.WilsonShares(5.5, 12, 0.95);
        var z = 1.959963984540054;
        var p = 5.5 / 12;
        var centre = (p + (z * z / 24)) / (1 + (z * z / 12));
        var half = z * Math.Sqrt((p * (1 - p) / 12) + (z * z / 576)) / (1 + (z * z / 12));

        interval.Low.ShouldBe(centre - half, 1e-12);
        interval.High.ShouldBe(centre + half, 1e-12);
    }

    [Fact]
    public void Worst_items_come_first()
    {
        var items = new[] { Item(3, 3, "good"), Item(3, 0, "bad"), Item(3, 1, "shaky") };

        RepeatedItems.WorstFirst(items, PerItemRule.Share).Select(i => i.Id).ShouldBe(["bad", "shaky", "good"]);
        RepeatedItems.WorstFirst(items, new PerItemRule(PerItemKind.Flaky)).First().Id.ShouldBe("shaky");
    }

    [Fact]
    public void Impossible_input_is_rejected()
    {
        Should.Throw<ArgumentException>(() => RepeatedItems.Value(Item(2, 3), PerItemRule.Share));
        Should.Throw<ArgumentException>(() => RepeatedItems.Value(Item(2, 1), new PerItemRule(PerItemKind.PassAt, 3)));
        Should.Throw<ArgumentException>(() => RepeatedItems.Value(Item(2, 1), new PerItemRule(PerItemKind.AtLeast, 0)));
        Should.Throw<ArgumentException>(() => RepeatedItems.Summarise([], PerItemRule.Share, 0.95));
        Should.Throw<ArgumentException>(() => ProportionInterval.WilsonShares(12.5, 12, 0.95));
    }
}
