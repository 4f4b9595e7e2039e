using Gates.Core.Statistics;
using MathNet.Numerics.Distributions;

namespace Gates.Core.Tests.Statistics;

public class BootstrapIntervalTests
{
    private static readonly double[] Scores = [0.9, 0.75, 1.0, 0.6, 0.85, 0.95, 0.7, 0.8];

    [Fact]
    public void Bootstrap_same_seed_same_interval()
    {
        var first = MeanInterval.Bootstrap(Scores, 0.95, 2000, seed: 42);
        var second = MeanInterval.Bootstrap(Scores, 0.95, 2000, seed: 42);

        second.ShouldBe(first);
    }

    [Fact]
    public void Bootstrap_different_seed_different_interval()
    {
        var first = MeanInterval.Bootstrap(Scores, 0.95, 2000, seed: 1);
        var second = MeanInterval.Bootstrap(Scores, 0.95, 2000, seed: 2);

        second.ShouldNotBe(first);
    }

    [Fact]
    public void Bootstrap_pinned_seed_gives_the_documented_stream()
    {
        // Pinned from this implementation (not an outside reference): guards the documented method, indices from
        // new Random(seed) drawn resample by resample, and linear percentiles. A change here changes every report.
        var interval = MeanInterval.Bootstrap(Scores, 0.95, 1000, seed: 7);

        interval.Low.ShouldBe(0.7250000000000001, 1e-12);
        interval.High.ShouldBe(0.8999999999999999, 1e-12);
    }

    [Fact]
    public void Bootstrap_contains_the_mean_and_stays_inside_the_data()
    {
        var interval = MeanInterval.Bootstrap(Scores, 0.95, 2000, seed: 3);

        interval.Contains(Scores.Average()).ShouldBeTrue();
        interval.Low.ShouldBeGreaterThanOrEqualTo(Scores.Min());
        interval.High.ShouldBeLessThanOrEqualTo(Scores.Max());
        interval.Level.ShouldBe(0.95);
    }

    [Fact]
    public void Bootstrap_large_symmetric_sample_agrees_with_the_normal_interval()
    {
        // 400 evenly spaced normal quantiles: the percentile bootstrap should be close to mean ± z·sd·√((n−1)/n)/√n.
        var values = Enumerable.Range(0, 400).Select(i => Normal.InvCDF(10, 2, (i + 0.5) / 400)).ToArray();
        var (mean, sd) = (values.Average(), Math.Sqrt(values.Sum(v => (v - values.Average()) * (v - values.Average())) / 400));
        var half = 1.959963984540054 * sd / Math.Sqrt(400);

        var interval = MeanInterval.Bootstrap(values, 0.95, 4000, seed: 11);

        interval.Low.ShouldBe(mean - half, half * 0.1);
        interval.High.ShouldBe(mean + half, half * 0.1);
    }

    [Fact]
    public void Bootstrap_all_equal_or_single_value_is_a_point()
    {
        MeanInterval.Bootstrap([0.25, 0.25, 0.25, 0.25], 0.9, 500, seed: 1).ShouldBe(new Gates.Core.Results.Interval(0.25, 0.25, 0.9));
        MeanInterval.Bootstrap([0.25], 0.9, 500, seed: 1).ShouldBe(new Gates.Core.Results.Interval(0.25, 0.25, 0.9));
    }

    [Fact]
    public void Bootstrap_bad_input_throws()
    {
        Should.Throw<ArgumentException>(() => MeanInterval.Bootstrap([], 0.95, 100, 1)).Message.ShouldContain("at least one value");
        Should.Throw<ArgumentException>(() => MeanInterval.Bootstrap([1, double.NaN], 0.95, 100, 1)).Message.ShouldContain("values[1]");
        Should.Throw<ArgumentException>(() => MeanInterval.Bootstrap(Scores, 0.95, 0, 1)).ParamName.ShouldBe("resamples");
        Should.Throw<ArgumentException>(() => MeanInterval.Bootstrap(Scores, -0.1, 100, 1)).ParamName.ShouldBe("level");
    }
}
