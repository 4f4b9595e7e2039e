using System.Text;
using Gates.Core.Results;
using Gates.Core.Thresholds;
using Gates.LatencyBench.Gate;
using Gates.LatencyBench.Import;
using Gates.LatencyBench.Measure;
using HdrHistogram;
using Shouldly;

namespace Gates.LatencyBench.Tests.Unit;

public class PercentileIntervalTests
{
    private static ThresholdSet Thresholds(string yaml) => ThresholdFileReader.Read("t.yaml", Encoding.UTF8.GetBytes(yaml));

    /// <summary>n latencies spread evenly over 100..300 ms, with the p95 the histogram gives.</summary>
    private static LatencyResults Results(int n)
    {
        var histogram = MetricTags.NewHistogram("latency");
        for (var i = 0; i < n; i++)
        {
            histogram.RecordValue(100_000 + (200_000L * i / n));
        }

        return new LatencyResults
        {
            Path = "r.json",
            Format = "test",
            Sha256 = "",
            Metrics = new Dictionary<string, double> { ["latency_p95_ms"] = histogram.GetValueAtPercentile(95) / 1000.0 },
            Histograms = new Dictionary<string, LongHistogram> { ["latency"] = histogram },
        };
    }

    private const string ConfidentP95 = """
        gates:
          p95:
            metric: latency_p95_ms
            max: 300
            decision: confident
        """;

    [Fact]
    public void A_percentile_gets_an_order_statistic_interval_from_the_histogram()
    {
        var check = LatencyGate.Evaluate(Thresholds(ConfidentP95), Results(2000), null).Checks.Single();

        check.Verdict.ShouldBe(Verdict.Pass);
        check.Method.ShouldBe(PercentileIntervals.Method);
        check.Interval!.Low.ShouldBeLessThan(check.Observed!.Value);
        check.Interval.High.ShouldBeGreaterThan(check.Observed.Value);
        check.Interval.High.ShouldBeLessThan(300);
        check.N.ShouldBe(2000);
    }

    [Fact]
    public void A_threshold_inside_the_interval_is_inconclusive_under_a_confident_gate()
    {
        var results = Results(2000);
        var p95 = results.Metrics["latency_p95_ms"];
        var yaml = ConfidentP95.Replace("max: 300", FormattableString.Invariant($"max: {p95 + 0.5}"));

        LatencyGate.Evaluate(Thresholds(yaml), results, null).Checks.Single().Verdict.ShouldBe(Verdict.Inconclusive);
    }

    [Fact]
    public void Too_few_requests_for_a_tail_percentile_are_inconclusive_and_say_why()
    {
        var check = LatencyGate.Evaluate(Thresholds(ConfidentP95), Results(20), null).Checks.Single();

        check.Verdict.ShouldBe(Verdict.Inconclusive);
        check.Reason.ShouldContain("20 samples are too few to bound the p95 at 95%: cannot be confident");
    }

    [Fact]
    public void A_native_results_file_carries_its_histograms_for_intervals()
    {
        var histograms = new Dictionary<string, LongHistogram> { ["latency"] = Results(500).Histograms["latency"] };
        var text = Gates.LatencyBench.Results.HistogramLog.ToText(histograms, new RunWindow { StartUnixMs = 0, EndUnixMs = 1000 });

        var back = Gates.LatencyBench.Results.HistogramLog.FromText(text, "r.json");

        back["latency"].TotalCount.ShouldBe(500);
        back["latency"].GetValueAtPercentile(95).ShouldBe(histograms["latency"].GetValueAtPercentile(95));
    }
}
