using Gates.LatencyBench.Measure;

namespace Gates.LatencyBench.Tests.Unit;

public class PercentileTests
{
    [Fact]
    public void P95_of_15_values_is_the_15th_as_in_every_HdrHistogram_implementation()
    {
        var h = MetricTags.NewHistogram(MetricTags.Latency);
        for (var i = 1; i <= 15; i++)
        {
            h.RecordValue(i * 1000);
        }

        h.LowestEquivalentValue(Percentile.ValueAt(h, 95)).ShouldBe(15_000);
        h.LowestEquivalentValue(Percentile.ValueAt(h, 50)).ShouldBe(8_000);
        h.LowestEquivalentValue(Percentile.ValueAt(h, 100.0 * 3 / 15)).ShouldBe(3_000, "an exact rank is not rounded past");
        Percentile.ValueAt(MetricTags.NewHistogram(MetricTags.Latency), 50).ShouldBe(0);
    }
}
