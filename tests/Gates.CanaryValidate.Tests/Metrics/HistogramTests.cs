using Gates.CanaryValidate.Metrics;
using Gates.Core;
using Gates.Prometheus;

namespace Gates.CanaryValidate.Tests.Metrics;

public sealed class HistogramTests
{
    private static QueryResult Buckets(params (string Le, double Count)[] buckets) => new("vector",
        [.. buckets.Select(b => new PromSeries(new Dictionary<string, string> { ["le"] = b.Le }, [new PromSample(DateTimeOffset.UnixEpoch, b.Count)]))], []);

    [Fact]
    public void The_second_moment_bound_places_every_observation_at_its_bucket_bound()
    {
        var bound = HistogramMoments.SecondMomentBound(Buckets(("0.1", 50), ("0.5", 90), ("+Inf", 100)), 1)!.Value;

        bound.ShouldBe(((50 * 0.01) + (40 * 0.25) + (10 * 1.0)) / 100, tolerance: 1e-12);
    }

    [Fact]
    public void Millisecond_buckets_are_converted_to_seconds()
    {
        var bound = HistogramMoments.SecondMomentBound(Buckets(("100", 10), ("+Inf", 10)), 1000)!.Value;

        bound.ShouldBe(0.01, tolerance: 1e-12);
    }

    [Fact]
    public void The_bucket_at_a_limit_is_found_by_numeric_value_and_a_missing_one_lists_the_bounds()
    {
        var buckets = Buckets(("0.25", 70), ("0.50", 95), ("+Inf", 100));

        BucketPicker.Below(buckets, 0.5, "p95").ShouldBe(95);
        Should.Throw<GateInputException>(() => BucketPicker.Below(buckets, 0.3, "p95")).Message.ShouldContain("0.25, 0.5");
        BucketPicker.Below(Buckets(), 0.5, "p95").ShouldBeNull();
    }
}
