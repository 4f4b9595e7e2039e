using HdrHistogram;
using Gates.LatencyBench.Measure;
using Gates.LatencyBench.Results;

namespace Gates.LatencyBench.Tests.Unit;

public class MeasurementsTests
{
    // One tick is one microsecond, so expected values can be read off the timestamps.
    private const long Frequency = 1_000_000;

    private static RequestOutcome Streamed(long intended, long sent, long[] chunks, long end, int? usage)
    {
        var r = new RequestOutcome { Index = 0, Intended = intended, Sent = sent, Headers = sent + 100, Streamed = true, End = end, CompletionTokens = usage };
        foreach (var t in chunks)
        {
            if (r.FirstToken == 0)
            {
                r.FirstToken = t;
            }

            r.LastToken = t;
            r.ChunkTimes.Add(t);
        }

        return r;
    }

    [Fact]
    public void Measures_from_the_intended_start_and_keeps_service_time_apart()
    {
        var m = new Measurements(Frequency, null);
        // Scheduled at 1 s, sent 20 ms late; chunks at +100, +130, +170 ms after the schedule; ends at +180 ms.
        m.Record(Streamed(1_000_000, 1_020_000, [1_100_000, 1_130_000, 1_170_000], 1_180_000, usage: 3));
        var run = m.Snapshot();
        var metrics = new SortedDictionary<string, double>();
        foreach (var (tag, h) in run.Histograms)
        {
            ResultsCalculator.AddDistribution(metrics, tag, h);
        }

        metrics["latency_p50_ms"].ShouldBe(180, 0.2);
        metrics["service_latency_p50_ms"].ShouldBe(160, 0.2);
        metrics["schedule_lag_p50_ms"].ShouldBe(20, 0.05);
        metrics["ttft_p50_ms"].ShouldBe(100, 0.1);
        metrics["tpot_p50_ms"].ShouldBe(35, 0.05);            // (170 - 100) / (3 - 1)
        metrics["itl_count"].ShouldBe(2);                      // gaps 30 and 40
        metrics["itl_max_ms"].ShouldBe(40, 0.05);
        metrics["itl_min_ms"].ShouldBe(30, 0.05);
        run.Counts.OutputTokens.ShouldBe(3);
        run.Counts.TokensFromUsage.ShouldBe(1);
    }

    [Fact]
    public void Without_usage_tokens_are_counted_per_chunk()
    {
        var m = new Measurements(Frequency, null);
        m.Record(Streamed(0, 0, [10_000, 20_000, 30_000, 40_000], 41_000, usage: null));
        var run = m.Snapshot();
        run.Counts.OutputTokens.ShouldBe(4);
        run.Counts.TokensFromChunks.ShouldBe(1);
        (run.Histograms[MetricTags.Tpot].GetMean() / 1000).ShouldBe(10, 0.02);
    }

    [Fact]
    public void Usage_tokens_spread_a_chunk_gap_over_the_tokens_in_tpot()
    {
        var m = new Measurements(Frequency, null);
        // Two chunks 90 ms apart carrying 10 tokens (e.g. speculative decoding): TPOT is 10 ms, ITL per chunk 90 ms.
        m.Record(Streamed(0, 0, [50_000, 140_000], 150_000, usage: 10));
        var run = m.Snapshot();
        (run.Histograms[MetricTags.Tpot].GetMean() / 1000).ShouldBe(10, 0.02);
        (run.Histograms[MetricTags.Itl].GetMean() / 1000).ShouldBe(90, 0.1);
    }

    [Fact]
    public void Errors_warmup_and_cancelled_requests_stay_out_of_the_distributions()
    {
        var m = new Measurements(Frequency, null);
        m.Record(Streamed(0, 0, [1000], 2000, 1));
        m.Record(new RequestOutcome { Intended = 0, Sent = 1, End = 5000, Status = 503, Error = ErrorClass.HttpStatus });
        m.Record(new RequestOutcome { Intended = 0, Sent = 1, End = 5000, Error = ErrorClass.Timeout });
        m.Record(new RequestOutcome { Intended = 0, Sent = 1, End = 5000, Warmup = true });
        m.Record(new RequestOutcome { Intended = 0, Sent = 1, End = 5000, Cancelled = true });
        var run = m.Snapshot();
        run.Counts.Requests.ShouldBe(3);
        run.Counts.Succeeded.ShouldBe(1);
        run.Counts.Errors["http_status"].ShouldBe(1);
        run.Counts.Errors["timeout"].ShouldBe(1);
        run.Counts.ByStatus["503"].ShouldBe(1);
        run.Counts.Cancelled.ShouldBe(1);
        run.WarmupRequests.ShouldBe(1);
        run.Histograms[MetricTags.Latency].TotalCount.ShouldBe(1);
    }

    [Fact]
    public void Goodput_counts_requests_that_meet_every_objective()
    {
        var m = new Measurements(Frequency, new GoodputObjectives(TtftMs: 100, TpotMs: null, LatencyMs: 500));
        m.Record(Streamed(0, 0, [50_000, 60_000], 400_000, 2));     // good
        m.Record(Streamed(0, 0, [150_000, 160_000], 400_000, 2));   // TTFT too slow
        m.Record(Streamed(0, 0, [50_000, 60_000], 600_000, 2));     // too long overall
        m.Snapshot().Counts.Good.ShouldBe(1);
    }

    [Fact]
    public void Progress_snapshots_reset_each_time()
    {
        var m = new Measurements(Frequency, null);
        m.Record(Streamed(0, 0, [1000], 2000, 1));
        m.TakeProgress().Requests.ShouldBe(1);
        m.TakeProgress().Requests.ShouldBe(0);
        m.Totals().Total.ShouldBe(1);
    }
}
