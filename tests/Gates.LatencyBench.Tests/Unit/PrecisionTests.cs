using Gates.Core;
using Gates.LatencyBench.Measure;
using Gates.LatencyBench.Precision;

namespace Gates.LatencyBench.Tests.Unit;

public class PrecisionTests
{
    [Fact]
    public void Targets_name_a_percentile_of_latency_or_of_a_family()
    {
        var targets = PrecisionTarget.ParseList("p95:5%, ttft_p99:10%")!;

        targets.Count.ShouldBe(2);
        targets[0].Metric.ShouldBe("latency_p95_ms");
        targets[0].Relative.ShouldBe(0.05, 1e-12);
        targets[1].Metric.ShouldBe("ttft_p99_ms");
        targets[1].P.ShouldBe(0.99, 1e-12);
        PrecisionTarget.ParseList(null).ShouldBeNull();
    }

    [Theory]
    [InlineData("p95")]
    [InlineData("p95:5")]
    [InlineData("p97:5%")]
    [InlineData("foo_p95:5%")]
    [InlineData("schedule_lag_p95:5%")]
    [InlineData("p95:0%")]
    [InlineData("p95:abc%")]
    public void Bad_targets_are_input_errors_naming_the_flag(string text)
    {
        var error = Should.Throw<GateInputException>(() => PrecisionTarget.ParseList(text));
        error.Message.ShouldStartWith("--target-precision:");
    }

    [Fact]
    public void A_wide_sample_is_not_precise_and_the_projection_grows_with_the_square_of_the_ratio()
    {
        var target = PrecisionTarget.ParseList("p95:2%")!.Single();
        var histogram = Exponential(400, seed: 1);

        var status = PrecisionCheck.Check(target, histogram);

        status.Reached.ShouldBeFalse();
        status.HalfWidth.ShouldNotBeNull();
        status.Low!.Value.ShouldBeLessThan(status.Estimate!.Value);
        status.High!.Value.ShouldBeGreaterThan(status.Estimate.Value);
        // Half-widths shrink as 1/sqrt(n): the projection is n * (h / target)^2.
        var projected = Math.Ceiling(400 * Math.Pow(status.HalfWidth!.Value / 0.02, 2));
        (status.MoreSamples!.Value + 400).ShouldBe((long)projected);
        status.MoreSamples.Value.ShouldBeGreaterThan(400);
        status.Describe().ShouldContain("more samples needed");
    }

    [Fact]
    public void A_large_sample_reaches_a_loose_target()
    {
        var target = PrecisionTarget.ParseList("p50:5%")!.Single();

        var status = PrecisionCheck.Check(target, Exponential(20_000, seed: 2));

        status.Reached.ShouldBeTrue();
        status.MoreSamples.ShouldBeNull();
        status.ToJson()["reached"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public void Too_few_samples_for_an_interval_still_project_a_count()
    {
        var target = PrecisionTarget.ParseList("p99:10%")!.Single();

        var status = PrecisionCheck.Check(target, Exponential(50, seed: 3));

        status.HalfWidth.ShouldBeNull();
        status.Reached.ShouldBeFalse();
        status.AtLeast.ShouldBeTrue();
        (status.MoreSamples!.Value + 50).ShouldBe(PrecisionCheck.MinimumForInterval(0.99));
        PrecisionCheck.MinimumForInterval(0.99).ShouldBeInRange(250, 700);
    }

    private static HdrHistogram.LongHistogram Exponential(int n, int seed)
    {
        var random = new Random(seed);
        var histogram = MetricTags.NewHistogram(MetricTags.Latency);
        for (var i = 0; i < n; i++)
        {
            histogram.RecordValue(1000 + (long)(-Math.Log(1 - random.NextDouble()) * 20_000));
        }

        return histogram;
    }
}
