using System.Text.Json;
using Gates.LatencyBench.Import;
using Gates.LatencyBench.Report;
using Gates.LatencyBench.Results;
using Gates.LatencyBench.Tests.Support;
using Gates.Testing;
using Gates.Testing.Tools;

namespace Gates.LatencyBench.Tests.Report;

/// <summary>The charts of latency-bench's --html page and Markdown summary, and the data behind them.</summary>
public sealed class LatencyChartTests
{
    private const string Thresholds = """
        gates:
          p95:
            metric: latency_p95_ms
            max: 5000
          ttft:
            metric: ttft_p99_ms
            max: 4000
          errors:
            metric: error_rate
            max: 0.05
        """;

    [Fact]
    public async Task A_live_run_draws_its_distributions_with_thresholds_and_its_timeline_in_html_and_mermaid()
    {
        await using var server = await TestServer.StartAsync((ctx, n) => OpenAiStream.WriteAsync(ctx, tokens: 6, gap: TimeSpan.FromMilliseconds(1)));
        using var temp = new TempFolder();

        var result = await Tool.RunAsync(temp.Path, "run", "--url", server.BaseUrl + "/v1/chat/completions", "--model", "m1",
            "--requests", "40", "--warmup-requests", "4", "--concurrency", "4", "--max-tokens", "6", "--save-results", "r.json", "--progress", "off",
            "--thresholds", temp.Write("t.yaml", Thresholds), "--html", "report.html", "--markdown", "summary.md", "--report-json", "report.json");

        result.ExitCode.ShouldBe(0, result.ToString());
        var timeline = new ResultsFile(temp.File("r.json")).Root.GetProperty("timeline");
        timeline.GetProperty("bucket_s").GetDouble().ShouldBe(1);
        timeline.GetProperty("succeeded").EnumerateArray().Sum(v => v.GetInt64()).ShouldBe(40);
        timeline.GetProperty("warmup").EnumerateArray().Sum(v => v.GetInt64()).ShouldBe(4);
        timeline.GetProperty("output_tokens").EnumerateArray().Sum(v => v.GetInt64()).ShouldBe(240);

        var (dom, titles) = HtmlReportChecks.RenderSelfContained(temp.File("report.html"));
        titles.ShouldContain("latency percentile distribution (ms)");
        titles.ShouldContain("TTFT percentile distribution (ms)");
        titles.ShouldContain("Successes and errors per second");
        titles.ShouldContain("Output tokens per second");
        dom.ShouldContain("latency_p95_ms &lt;= 5000");
        dom.ShouldContain(">p99<");
        NodeTools.HtmlValidate(temp.Path, "report.html").ShouldExit(0);

        var blocks = MermaidDiagrams.Blocks(File.ReadAllText(temp.File("summary.md")));
        blocks.Count.ShouldBe(2);
        var drawn = MermaidDiagrams.Draw(blocks);
        drawn.ShouldAllBe(d => d.Drawn, string.Join("\n", drawn));
        drawn[0].SvgText.ShouldContain("latency percentiles (ms)");
        drawn[1].SvgText.ShouldContain("TTFT percentiles (ms)");

        using var report = JsonDocument.Parse(File.ReadAllText(temp.File("report.json")));
        var charts = report.RootElement.GetProperty("details").GetProperty("latency-bench").GetProperty("charts");
        charts.GetProperty("percentiles").GetProperty("latency").GetProperty("source").GetString().ShouldBe("histogram");
        charts.GetProperty("percentiles").GetProperty("latency").GetProperty("count").GetInt64().ShouldBe(40);
        charts.GetProperty("timeline").GetProperty("succeeded").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task An_imported_file_draws_the_percentiles_it_gives_and_no_timeline()
    {
        using var temp = new TempFolder();

        var result = await Tool.RunAsync(temp.Path, "gate", "--results", RepositoryPaths.Of("samples", "latency", "vllm-bench-serve.json"),
            "--thresholds", temp.Write("t.yaml", Thresholds), "--html", "report.html", "--markdown", "summary.md");

        result.ExitCode.ShouldBe(0, result.ToString());
        var (dom, titles) = HtmlReportChecks.RenderSelfContained(temp.File("report.html"));
        titles.ShouldContain("latency percentile distribution (ms)");
        titles.ShouldNotContain("Successes and errors per second");
        dom.ShouldContain("as the results file gives them");
        var markdown = File.ReadAllText(temp.File("summary.md"));
        markdown.ShouldContain("the percentiles the results file gives");
        MermaidDiagrams.Blocks(markdown).Count.ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("50", 50)]
    [InlineData("95", 95)]
    [InlineData("999", 99.9)]
    [InlineData("9999", 99.99)]
    [InlineData("995", 99.5)]
    public void Metric_suffixes_read_back_as_the_percentiles_they_were_written_from(string digits, double percentile)
    {
        PercentileCurves.ParseSuffix(digits).ShouldBe(percentile);
        MetricNames.PercentileSuffix(percentile).ShouldBe("p" + digits);
    }

    [Fact]
    public void A_file_curve_keeps_the_tail_percentiles_of_its_family_in_order()
    {
        var results = Results(new Dictionary<string, double>
        {
            ["latency_p99_ms"] = 900, ["latency_p50_ms"] = 100, ["latency_p999_ms"] = 2000, ["latency_p25_ms"] = 50,
            ["service_latency_p99_ms"] = 1, ["latency_mean_ms"] = 150, ["ttft_p90_ms"] = 20, ["latency_count"] = 500,
        });

        var curves = PercentileCurves.From(results);

        curves.Select(c => c.Tag).ShouldBe(["latency", "ttft"]);
        curves[0].Points.ShouldBe([new PercentilePoint(50, 100), new PercentilePoint(99, 900), new PercentilePoint(99.9, 2000)]);
        curves[0].Count.ShouldBe(500);
        curves[0].Source.ShouldBe("file");
    }

    [Fact]
    public void A_histogram_curve_stops_at_the_percentile_its_count_can_tell()
    {
        var h = Measure.MetricTags.NewHistogram("latency");
        for (var i = 1; i <= 200; i++)
        {
            h.RecordValue(i * 1000);
        }

        var curve = PercentileCurves.From(Results([], new Dictionary<string, HdrHistogram.LongHistogram> { ["latency"] = h })).ShouldHaveSingleItem();

        curve.Points.Select(p => p.Percentile).ShouldBe([50, 75, 90, 95, 99, 99.5]);
        curve.Points[0].Ms.ShouldBe(100, 0.5);
        curve.Source.ShouldBe("histogram");
    }

    [Fact]
    public void The_mermaid_chart_draws_each_threshold_of_the_family_as_a_flat_line_and_names_it()
    {
        var curve = new PercentileCurve("latency", [new(50, 100), new(99, 900)], 1000, "histogram");
        var checks = new[]
        {
            new Core.Results.CheckResult { Name = "p99", Metric = "latency_p99_ms", Comparison = Core.Thresholds.Comparison.Lte, Threshold = 800, Verdict = Core.Results.Verdict.Fail, Reason = "" },
            new Core.Results.CheckResult { Name = "growth", Metric = "latency_p99_ms", Comparison = Core.Thresholds.Comparison.Lte, Threshold = 0.1, Compared = Core.Results.CheckValues.DeltaCompared, Verdict = Core.Results.Verdict.Pass, Reason = "" },
            new Core.Results.CheckResult { Name = "ttft", Metric = "ttft_p99_ms", Comparison = Core.Thresholds.Comparison.Lte, Threshold = 5, Verdict = Core.Results.Verdict.Pass, Reason = "" },
        };

        var lines = SloLine.For("latency", checks);
        var markdown = LatencyMermaid.Chart(curve, lines).ToMarkdown();

        lines.ShouldHaveSingleItem().Describe().ShouldBe("latency_p99_ms <= 800 ms (gate p99)");
        markdown.ShouldContain("line \"latency_p99_ms\" [800, 800]");
        markdown.ShouldContain("x-axis \"percentile\" [\"p50\", \"p99\"]");
        markdown.ShouldContain("line 2: threshold latency\\_p99\\_ms &lt;= 800 ms (gate p99), fail");
    }

    [Fact]
    public void A_long_timeline_is_merged_in_pairs_and_reads_back_from_json()
    {
        var timeline = new ThroughputTimeline
        {
            BucketSeconds = 1,
            StartUnixMs = 1_700_000_000_000,
            MeasureStartSeconds = 2.5,
            Succeeded = [.. Enumerable.Repeat(3L, 9)],
            Errors = [.. Enumerable.Repeat(1L, 9)],
            OutputTokens = [.. Enumerable.Repeat(30L, 9)],
            Warmup = [.. Enumerable.Repeat(0L, 9)],
        };

        var coarse = timeline.Coarsened(4);
        using var doc = JsonDocument.Parse(new System.Text.Json.Nodes.JsonObject { ["timeline"] = coarse.ToJson() }.ToJsonString());
        var back = ThroughputTimeline.FromJson(doc.RootElement).ShouldNotBeNull();

        coarse.BucketSeconds.ShouldBe(4);
        coarse.Succeeded.ShouldBe([12L, 12, 3]);
        back.Succeeded.ShouldBe(coarse.Succeeded);
        back.Errors.Sum().ShouldBe(9);
        back.MeasureStartSeconds.ShouldBe(2.5);
        using var broken = JsonDocument.Parse("""{"timeline": {"bucket_s": 1, "start_unix_ms": 0, "succeeded": [1, -2], "errors": [0, 0]}}""");
        ThroughputTimeline.FromJson(broken.RootElement).ShouldBeNull();
    }

    private static LatencyResults Results(Dictionary<string, double> metrics, Dictionary<string, HdrHistogram.LongHistogram>? histograms = null) => new()
    {
        Path = "r.json",
        Format = "test",
        Sha256 = "",
        Metrics = metrics,
        Histograms = histograms ?? [],
    };
}
