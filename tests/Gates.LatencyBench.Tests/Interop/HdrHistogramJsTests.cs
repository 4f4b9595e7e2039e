using HdrHistogram;
using System.Text.Json;
using Gates.LatencyBench.Measure;
using Gates.LatencyBench.Results;
using Gates.LatencyBench.Tests.Support;
using Gates.Testing;
using Gates.Testing.Tools;

namespace Gates.LatencyBench.Tests.Interop;

/// <summary>
/// Every histogram log latency-bench writes (shard .hlog files and the log embedded in results files) decodes in
/// hdr-histogram-js 3.0.1, a strict third-party reader (pinned in .ci/node-tools), with the counts and percentiles
/// of our results file; and logs hdr-histogram-js writes merge here.
/// </summary>
public class HdrHistogramJsTests
{
    private static readonly string Scripts = RepositoryPaths.Of("tests", "Gates.LatencyBench.Tests", "Interop");

    [Fact]
    public async Task Shard_logs_and_embedded_logs_decode_in_hdr_histogram_js_with_our_counts_and_percentiles()
    {
        await using var server = await TestServer.StartAsync((ctx, n) => OpenAiStream.WriteAsync(ctx, 3, TimeSpan.FromMilliseconds(2 + (n % 7 * 3))));
        using var temp = new TempFolder();
        var url = server.BaseUrl + "/v1/chat/completions";
        // Shards run at the same time (merge marks shards started further apart than its skew tolerance invalid).
        var shards = await Task.WhenAll(
            Tool.RunAsync(temp.Path, "run", "--url", url, "--requests", "25", "--shard", "1/2", "--save-results", "shards/s1.json", "--progress", "off"),
            Tool.RunAsync(temp.Path, "run", "--url", url, "--requests", "15", "--shard", "2/2", "--save-results", "shards/s2.json", "--progress", "off"));
        shards[0].ShouldExit(0);
        shards[1].ShouldExit(0);
        (await Tool.RunAsync(temp.Path, "merge", "shards/s1.json", "shards/s2.json", "--save-results", "merged.json")).ShouldExit(0);

        var log = File.ReadAllBytes(temp.File("shards/s1.hlog"));
        log.ShouldAllBe(b => b < 0x80, "the log is ASCII");
        var text = System.Text.Encoding.ASCII.GetString(log);
        text.ShouldContain("#[Histogram log format version 1.3]\n");
        text.ShouldContain("#[BaseTime: ");
        text.ShouldContain("\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\",\"Interval_Compressed_Histogram\"\n");

        var shardDecoded = DecodeInJs(temp, "shards/s1.hlog");
        AssertMatches(shardDecoded, new ResultsFile(temp.File("shards/s1.json")), 25);
        AssertMatches(DecodeInJs(temp, "shards/s1.json"), new ResultsFile(temp.File("shards/s1.json")), 25);
        AssertMatches(DecodeInJs(temp, "shards/s2.hlog"), new ResultsFile(temp.File("shards/s2.json")), 15);
        AssertMatches(DecodeInJs(temp, "merged.json"), new ResultsFile(temp.File("merged.json")), 40);
        shardDecoded.GetProperty("tags").TryGetProperty(MetricTags.Ttft, out _).ShouldBeTrue("tags are kept");
    }

    [Fact]
    public void Logs_written_by_hdr_histogram_js_are_read_with_their_counts_and_percentiles()
    {
        using var temp = new TempFolder();
        var written = NodeTools.Node(temp.Path, Path.Combine(Scripts, "hdr-write.js"), temp.File("js.hlog")).ShouldExit(0);
        var expected = JsonDocument.Parse(written.Stdout).RootElement;

        var read = HistogramLog.Read(temp.File("js.hlog"));

        foreach (var tag in new[] { MetricTags.Latency, MetricTags.Ttft })
        {
            var want = expected.GetProperty(tag);
            read[tag].TotalCount.ShouldBe(want.GetProperty("count").GetInt64());
            Percentile.ValueAt(read[tag], 50).ShouldBe(want.GetProperty("p50").GetInt64(), tag);
            Percentile.ValueAt(read[tag], 99).ShouldBe(want.GetProperty("p99").GetInt64(), tag);
            // hdr-histogram-js reports the exact recorded max; a decoded histogram knows it to its bucket.
            var max = want.GetProperty("max").GetInt64();
            read[tag].GetMaxValue().ShouldBeGreaterThanOrEqualTo(max, tag);
            read[tag].LowestEquivalentValue(read[tag].GetMaxValue()).ShouldBeLessThanOrEqualTo(max, tag);
        }
    }

    [Fact]
    public void Utf16_logs_written_by_earlier_versions_still_read()
    {
        using var temp = new TempFolder();
        var h = MetricTags.NewHistogram(MetricTags.Latency);
        foreach (var v in new long[] { 1200, 3400, 5600, 7800 })
        {
            h.RecordValue(v);
        }

        h.StartTimeStamp = 1_700_000_000_000;
        h.EndTimeStamp = 1_700_000_010_000;
        using (var stream = File.Create(temp.File("old.hlog")))
        using (var writer = new HdrHistogram.HistogramLogWriter(stream))
        {
            // What latency-bench wrote before: HdrHistogram.NET's writer (UTF-16, unfinished zlib streams).
            writer.Write(DateTime.UnixEpoch.AddMilliseconds(1_700_000_000_000), h);
        }

        File.ReadAllBytes(temp.File("old.hlog"))[..2].ShouldBe(new byte[] { 0xFF, 0xFE }, "UTF-16 with a byte order mark");
        var read = HistogramLog.Read(temp.File("old.hlog"));
        read[MetricTags.Latency].TotalCount.ShouldBe(4);
        read[MetricTags.Latency].GetMaxValue().ShouldBe(h.GetMaxValue());
    }

    private static JsonElement DecodeInJs(TempFolder temp, string file)
    {
        var result = NodeTools.Node(temp.Path, Path.Combine(Scripts, "hdr-read.js"), temp.File(file));
        result.ExitCode.ShouldBe(0, $"hdr-histogram-js could not decode {file}:\n{result}");
        return JsonDocument.Parse(result.Stdout).RootElement;
    }

    private static void AssertMatches(JsonElement decoded, ResultsFile results, int requests)
    {
        foreach (var tag in new[] { MetricTags.Latency, MetricTags.Ttft })
        {
            var js = decoded.GetProperty("tags").GetProperty(tag);
            js.GetProperty("count").GetInt64().ShouldBe((long)results.Metric($"{tag}_count"), tag);
            js.GetProperty("count").GetInt64().ShouldBe(requests, tag);
            foreach (var (suffix, _) in MetricNames.Percentiles)
            {
                (js.GetProperty(suffix).GetInt64() / 1000.0).ShouldBe(results.Metric(MetricNames.Of(tag, suffix)), 1e-9, $"{tag} {suffix}");
            }

            (js.GetProperty("max").GetInt64() / 1000.0).ShouldBe(results.Metric(MetricNames.Of(tag, "max")), 1e-9, $"{tag} max");
        }
    }
}
