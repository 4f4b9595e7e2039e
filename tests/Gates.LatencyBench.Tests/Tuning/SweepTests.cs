using System.Text.Json;
using Gates.LatencyBench.Tests.Support;
using Gates.Testing;

namespace Gates.LatencyBench.Tests.Tuning;

/// <summary>
/// run --sweep against a server with a known knee: 4 slots, each request served in 6 tokens 75 ms apart (450 ms).
/// Up to concurrency 4 the first token comes after about 75 ms; at 8, half the requests wait a whole service time,
/// so their TTFT is at least 525 ms. The SLO (TTFT p90 at most 300 ms) sits between with room for a loaded machine.
/// </summary>
public class SweepTests
{
    private const string Slo = "gates:\n  ttft:\n    metric: ttft_p90_ms\n    max: 300\n  errors:\n    metric: error_rate\n    max: 0\n";

    [Fact]
    public async Task A_sweep_finds_the_knee_of_a_queue_model_and_stops_past_it()
    {
        await using var server = await QueueModelServer.StartAsync(slots: 4, tokens: 6, gapMs: 75);
        using var temp = new TempFolder();
        var slo = temp.Write("slo.yaml", Slo);

        var result = await Tool.RunAsync(temp.Path, "run", "--url", server.ChatUrl, "--sweep", "concurrency:2,4,8,16,32", "--slo", slo,
            "--requests", "20", "--server-metrics", "auto", "--server-metrics-interval", "50ms", "--save-results", "sweep.json", "--progress", "off");

        result.ExitCode.ShouldBe(0, result.ToString());
        var doc = new ResultsFile(temp.File("sweep.json"));
        var capacity = doc.Metric("capacity");
        capacity.ShouldBeOneOf([2.0, 4.0], result.ToString());   // the knee is 4; a very loaded machine may lose one step
        var points = doc.Root.GetProperty("points").EnumerateArray().ToList();
        var loads = points.Select(p => p.GetProperty("concurrency").GetDouble()).ToList();
        loads.ShouldNotContain(16);
        loads.ShouldNotContain(32);
        points.Last().GetProperty("slo_met").GetBoolean().ShouldBeFalse();
        points.Where(p => p.GetProperty("concurrency").GetDouble() <= capacity).ShouldAllBe(p => p.GetProperty("slo_met").GetBoolean());
        doc.Root.GetProperty("knee").GetProperty("first_missed").GetDouble().ShouldBe(capacity * 2);
        var notRun = string.Join(", ", new[] { 2, 4, 8, 16, 32 }.Where(c => c > capacity * 2));
        doc.Root.GetProperty("sweep").GetProperty("stopped").GetString()!.ShouldContain($"not run: concurrency {notRun}");
        doc.Metric("capacity_concurrency").ShouldBe(capacity);
        doc.Has("ttft_p95_ms").ShouldBeTrue();
        doc.Metric("sweep_points").ShouldBe(points.Count);
        result.Stdout.ShouldContain($"capacity   concurrency {capacity}");
        if (loads.Contains(8))
        {
            var eight = points.Single(p => p.GetProperty("concurrency").GetDouble() == 8);
            eight.GetProperty("server_requests_waiting_max").GetDouble().ShouldBeGreaterThanOrEqualTo(1);
            eight.GetProperty("missed").EnumerateArray().Single().GetString()!.ShouldStartWith("ttft: ");
            eight.GetProperty("ceiling").EnumerateArray().Select(c => c.GetString()).ShouldContain(c => c!.Contains("queued"));
        }
    }

    [Fact]
    public async Task A_sweep_below_its_baseline_capacity_fails_the_capacity_gate()
    {
        await using var server = await QueueModelServer.StartAsync(slots: 2, tokens: 6, gapMs: 75);
        using var temp = new TempFolder();
        var baseline = temp.Write("baseline.json", BaselineSweep(16));
        var thresholds = temp.Write("capacity.yaml", "gates:\n  capacity:\n    metric: capacity\n    delta: relative\n    min: -0.10\n");

        var result = await Tool.RunAsync(temp.Path, "run", "--url", server.ChatUrl, "--sweep", "concurrency:2..8*2", "--slo", temp.Write("slo.yaml", Slo),
            "--requests", "8", "--thresholds", thresholds, "--baseline", baseline, "--report-json", "report.json", "--progress", "off");

        result.ExitCode.ShouldBe(1, result.ToString());
        var report = JsonDocument.Parse(File.ReadAllText(temp.File("report.json"))).RootElement;
        var check = report.GetProperty("checks").EnumerateArray().Single();
        check.GetProperty("name").GetString().ShouldBe("capacity");
        check.GetProperty("baselineValue").GetDouble().ShouldBe(16);
        check.GetProperty("observed").GetDouble().ShouldBeLessThanOrEqualTo(4);
    }

    [Fact]
    public async Task The_capacity_gate_passes_within_ten_percent_of_the_baseline_on_saved_sweeps()
    {
        using var temp = new TempFolder();
        var thresholds = temp.Write("capacity.yaml", "gates:\n  capacity:\n    metric: capacity\n    delta: relative\n    min: -0.10\n");
        temp.Write("base.json", BaselineSweep(20));
        temp.Write("same.json", BaselineSweep(19));
        temp.Write("worse.json", BaselineSweep(16));

        var pass = await Tool.RunAsync(temp.Path, "gate", "--results", "same.json", "--baseline", "base.json", "--thresholds", thresholds);
        var fail = await Tool.RunAsync(temp.Path, "gate", "--results", "worse.json", "--baseline", "base.json", "--thresholds", thresholds);

        pass.ExitCode.ShouldBe(0, pass.ToString());
        fail.ExitCode.ShouldBe(1, fail.ToString());
        fail.Stdout.ShouldContain("capacity");
    }

    [Fact]
    public async Task A_sweep_without_an_slo_file_is_a_usage_error_before_any_load()
    {
        await using var server = await TestServer.StartAsync((ctx, n) => OpenAiStream.WriteAsync(ctx, 2, TimeSpan.Zero));
        using var temp = new TempFolder();

        var result = await Tool.RunAsync(temp.Path, "run", "--url", server.BaseUrl + "/v1/chat/completions", "--sweep", "concurrency:1,2", "--requests", "4");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("--sweep needs --slo FILE");
        server.Requests.ShouldBe(0);
    }

    /// <summary>A sweep results file as latency-bench writes it, reduced to what a capacity gate reads.</summary>
    private static string BaselineSweep(double capacity) => $$"""
        {"format": "latency-bench-sweep", "version": 1, "valid": true, "invalid_reasons": [], "sweep": {"axis": "concurrency"},
         "capacity": {"axis": "concurrency", "value": {{capacity}}}, "metrics": {"capacity": {{capacity}}, "capacity_concurrency": {{capacity}}}, "points": []}
        """;
}
