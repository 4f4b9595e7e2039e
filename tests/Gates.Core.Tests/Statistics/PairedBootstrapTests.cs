using Gates.Core.Statistics;

namespace Gates.Core.Tests.Statistics;

public class PairedBootstrapTests
{
    private static readonly double[] Baseline = [1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 0, 1];
    private static readonly double[] Current = [1, 1, 1, 1, 0, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1];

    [Fact]
    public void Compare_reports_observed_difference_and_settings()
    {
        var result = PairedBootstrap.Compare(Current, Baseline, 0.95, 2000, seed: 5);

        result.N.ShouldBe(20);
        result.MeanDifference.ShouldBe(0.2, 1e-12);
        result.Resamples.ShouldBe(2000);
        result.Seed.ShouldBe(5);
        result.Interval.Level.ShouldBe(0.95);
        result.Interval.Contains(result.MeanDifference).ShouldBeTrue();
    }

    [Fact]
    public void Compare_only_improvements_gives_small_p_value_and_positive_interval()
    {
        // 4 items improved, none got worse: every resample difference is ≥ 0 and most are > 0.
        var result = PairedBootstrap.Compare(Current, Baseline, 0.95, 2000, seed: 5);

        result.Interval.Low.ShouldBeGreaterThanOrEqualTo(0);
        result.PValue.ShouldBeLessThan(0.05);
    }

    [Fact]
    public void Compare_same_seed_same_result()
    {
        var first = PairedBootstrap.Compare(Current, Baseline, 0.9, 1000, seed: 9);
        var second = PairedBootstrap.Compare(Current, Baseline, 0.9, 1000, seed: 9);

        second.ShouldBe(first);
    }

    [Fact]
    public void Compare_different_seed_different_resample()
    {
        double[] current = [0.3, 0.9, 0.4, 0.8, 0.7, 0.2, 0.95, 0.5];
        double[] baseline = [0.35, 0.7, 0.45, 0.6, 0.75, 0.1, 0.9, 0.55];

        var first = PairedBootstrap.Compare(current, baseline, 0.95, 1000, seed: 1);
        var second = PairedBootstrap.Compare(current, baseline, 0.95, 1000, seed: 2);

        second.Interval.ShouldNotBe(first.Interval);
        second.MeanDifference.ShouldBe(first.MeanDifference);
    }

    [Fact]
    public void Compare_identical_lists_no_difference_and_p_value_one()
    {
        var result = PairedBootstrap.Compare(Baseline, Baseline, 0.95, 500, seed: 1);

        result.MeanDifference.ShouldBe(0);
        result.Interval.Low.ShouldBe(0);
        result.Interval.High.ShouldBe(0);
        result.PValue.ShouldBe(1);
    }

    [Fact]
    public void Compare_is_antisymmetric()
    {
        double[] current = [0.3, 0.9, 0.4, 0.8, 0.7, 0.2, 0.95, 0.5];
        double[] baseline = [0.35, 0.7, 0.45, 0.6, 0.75, 0.1, 0.9, 0.55];

        var forward = PairedBootstrap.Compare(current, baseline, 0.95, 1000, seed: 4);
        var backward = PairedBootstrap.Compare(baseline, current, 0.95, 1000, seed: 4);

        backward.MeanDifference.ShouldBe(-forward.MeanDifference, 1e-12);
        backward.Interval.Low.ShouldBe(-forward.Interval.High, 1e-12);
        backward.PValue.ShouldBe(forward.PValue);
    }

    [Fact]
    public void Compare_ten_thousand_items_ten_thousand_resamples_completes()
    {
        // Size the gates must handle; no time is asserted, only that the result is sane.
        var baseline = new double[10_000];
        var current = new double[10_000];
        for (var i = 0; i < baseline.Length; i++)
        {
            baseline[i] = i % 10 < 8 ? 1 : 0;
            current[i] = i % 10 < 8 || i % 50 == 9 ? 1 : 0;
        }

        var result = PairedBootstrap.Compare(current, baseline, 0.95, 10_000, seed: 1);

        result.MeanDifference.ShouldBe(0.02, 1e-12);
        result.Interval.Contains(0.02).ShouldBeTrue();
        result.PValue.ShouldBeLessThan(0.001);
    }

    [Fact]
    public void Compare_bad_input_throws()
    {
        Should.Throw<ArgumentException>(() => PairedBootstrap.Compare([1, 0], [1], 0.95, 100, 1)).Message.ShouldContain("got 2 and 1");
        Should.Throw<ArgumentException>(() => PairedBootstrap.Compare([], [], 0.95, 100, 1)).ParamName.ShouldBe("current");
        Should.Throw<ArgumentException>(() => PairedBootstrap.Compare([double.NaN], [1], 0.95, 100, 1)).ParamName.ShouldBe("current");
        Should.Throw<ArgumentException>(() => PairedBootstrap.Compare([1], [double.PositiveInfinity], 0.95, 100, 1)).ParamName.ShouldBe("baseline");
        Should.Throw<ArgumentException>(() => PairedBootstrap.Compare([1], [1], 1, 100, 1)).ParamName.ShouldBe("level");
        Should.Throw<ArgumentException>(() => PairedBootstrap.Compare([1], [1], 0.95, -3, 1)).ParamName.ShouldBe("resamples");
    }
}
