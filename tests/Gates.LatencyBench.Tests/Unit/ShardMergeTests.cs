using HdrHistogram;
using System.Text.Json.Nodes;
using Gates.Core;
using Gates.Core.Results;
using Gates.LatencyBench.Import;
using Gates.LatencyBench.Measure;
using Gates.LatencyBench.Results;
using Gates.Testing;

namespace Gates.LatencyBench.Tests.Unit;

public class ShardMergeTests
{
    internal static RunRecord Shard(int index, int count, long[] latenciesMs, int errors, double start)
    {
        var m = new Measurements(1_000_000, null);
        foreach (var ms in latenciesMs)
        {
            m.Record(new RequestOutcome { Intended = 1, Sent = 1, End = 1 + (ms * 1000) });
        }

        for (var i = 0; i < errors; i++)
        {
            m.Record(new RequestOutcome { Intended = 1, Sent = 1, End = 2, Status = 500, Error = ErrorClass.HttpStatus });
        }

        var run = m.Snapshot();
        return new RunRecord
        {
            Tool = new ToolInfo("latency-bench", "test"),
            StartedAt = DateTimeOffset.UnixEpoch,
            Target = new JsonObject { ["url"] = "http://127.0.0.1/x", ["stream"] = false },
            Load = new JsonObject { ["mode"] = "open" },
            Counts = run.Counts,
            Window = new RunWindow { StartUnixMs = start, EndUnixMs = start + 10_000, FirstSentUnixMs = start, LastSentUnixMs = start + 9_900 },
            Histograms = run.Histograms,
            OfferedRate = 10,
            Shard = new ShardInfo(index, count),
        };
    }

    internal static string Write(TempFolder temp, RunRecord run, string name)
    {
        var path = temp.File(name + ".json");
        var hlog = Path.ChangeExtension(path, ".hlog");
        HistogramLog.Write(hlog, run.Histograms, run.Window);
        ResultsDocument.Write(path, ResultsDocument.Create(run, Path.GetFileName(hlog)));
        return path;
    }

    [Fact]
    public void Histogram_logs_round_trip_per_tag()
    {
        using var temp = new TempFolder();
        var run = Shard(1, 1, [10, 20, 30], 0, 1_700_000_000_000);
        HistogramLog.Write(temp.File("a.hlog"), run.Histograms, run.Window);
        File.ReadAllText(temp.File("a.hlog")).ShouldContain("Tag=latency");
        var back = HistogramLog.Read(temp.File("a.hlog"));
        back[MetricTags.Latency].TotalCount.ShouldBe(3);
        back[MetricTags.Latency].GetMaxValue().ShouldBe(run.Histograms[MetricTags.Latency].GetMaxValue());
    }

    [Fact]
    public void Merging_shards_adds_counts_and_histograms()
    {
        using var temp = new TempFolder();
        var a = Write(temp, Shard(1, 2, [10, 10, 10, 10], 1, 1_700_000_000_000), "s1");
        var b = Write(temp, Shard(2, 2, [100, 100, 100, 100], 1, 1_700_000_000_500), "s2");
        var merged = ShardMerger.Merge([ShardReader.Read(a), ShardReader.Read(b)], new ToolInfo("latency-bench", "t"), DateTimeOffset.UnixEpoch, 50);
        var metrics = merged.Metrics();
        metrics["requests"].ShouldBe(10);
        metrics["failed_requests"].ShouldBe(2);
        metrics["error_rate"].ShouldBe(0.2);
        metrics["latency_count"].ShouldBe(8);
        metrics["latency_p50_ms"].ShouldBe(10, 0.02);
        metrics["latency_p95_ms"].ShouldBe(100, 0.1);
        metrics["offered_requests_per_second"].ShouldBe(20);
        metrics["duration_s"].ShouldBe(10, 1e-9);
        metrics["requests_per_second"].ShouldBe(0.8, 1e-9);
    }

    [Fact]
    public void Shards_started_apart_within_the_tolerance_merge_to_the_sum_of_their_rates()
    {
        using var temp = new TempFolder();
        // Four shards, each 100 requests in its 10 s window: 10 req/s each, started up to 0.22 s apart.
        var offsets = new[] { 0, 220, 70, 150 };
        var shards = offsets.Select((o, i) => ShardReader.Read(Write(temp, Shard(i + 1, 4, [.. Enumerable.Repeat(10L, 100)], 0, 1_700_000_000_000 + o), $"s{i + 1}")))
            .ToList();

        var merged = ShardMerger.Merge(shards, new ToolInfo("latency-bench", "t"), DateTimeOffset.UnixEpoch, 50);
        var doc = ResultsDocument.Create(merged, null);

        var metrics = merged.Metrics();
        metrics["requests_per_second"].ShouldBe(40, 1e-9);
        metrics["duration_s"].ShouldBe(10, 1e-9);
        metrics["sent_requests_per_second"].ShouldBe(399 / 9.9, 1e-9);
        doc["valid"]!.GetValue<bool>().ShouldBeTrue(doc.ToJsonString());
        doc["load"]!["shard_start_skew_s"]!.GetValue<double>().ShouldBe(0.22, 1e-9);
        doc["load"]!["shard_skew_tolerance_s"]!.GetValue<double>().ShouldBe(1);
    }

    [Fact]
    public void Shards_further_apart_than_the_tolerance_make_the_merged_run_invalid()
    {
        using var temp = new TempFolder();
        // 10 s windows: the tolerance is max(1 s, 5 % of 10 s) = 1 s; 1.5 s apart is too far.
        var a = ShardReader.Read(Write(temp, Shard(1, 2, [10, 10], 0, 1_700_000_000_000), "s1"));
        var b = ShardReader.Read(Write(temp, Shard(2, 2, [10, 10], 0, 1_700_000_001_500), "s2"));

        var doc = ResultsDocument.Create(ShardMerger.Merge([a, b], new ToolInfo("latency-bench", "t"), DateTimeOffset.UnixEpoch, 50), null);

        doc["valid"]!.GetValue<bool>().ShouldBeFalse();
        doc["invalid_reasons"]!.ToJsonString().ShouldContain("the shards started 1.5 s apart, more than the 1 s tolerated");
    }

    [Fact]
    public void The_skew_tolerance_grows_with_long_windows()
    {
        RunWindow W(double start, double seconds) => new() { StartUnixMs = start, EndUnixMs = start + (seconds * 1000) };

        ShardAlignment.Tolerance([W(0, 600), W(2500, 600)]).ShouldBe(30);
        ShardAlignment.Problems([W(0, 600), W(2500, 600)]).ShouldBeEmpty();
        ShardAlignment.Problems([W(0, 10), W(900, 10)]).ShouldBeEmpty();
        ShardAlignment.Problems([W(0, 10), W(1100, 10)]).Single().ShouldContain("started 1.1 s apart");
    }

    [Fact]
    public void A_missing_or_repeated_shard_is_an_error()
    {
        using var temp = new TempFolder();
        var a = ShardReader.Read(Write(temp, Shard(1, 3, [10], 0, 0), "s1"));
        var c = ShardReader.Read(Write(temp, Shard(3, 3, [10], 0, 0), "s3"));
        var e = Should.Throw<GateInputException>(() => ShardMerger.Merge([a, c, c], new ToolInfo("l", "t"), DateTimeOffset.UnixEpoch, 50));
        e.Message.ShouldContain("missing shard(s) 2/3");
        e.Message.ShouldContain("shard 3/3 appears more than once");
    }

    [Fact]
    public void The_native_file_reads_back_with_the_same_metrics()
    {
        using var temp = new TempFolder();
        var run = Shard(1, 1, [5, 6, 7], 1, 0);
        var path = Write(temp, run, "native");
        var r = ResultsReader.Read(path);
        r.Format.ShouldBe("latency-bench");
        r.Metrics["error_rate"].ShouldBe(0.25);
        r.Metrics["latency_p50_ms"].ShouldBe(run.Metrics()["latency_p50_ms"]);
        r.Requests.ShouldBe(4);
        r.DescribeMissing("ttft_p95_ms").ShouldContain("streamed");
    }
}
