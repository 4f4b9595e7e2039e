using Gates.LatencyBench.Tests.Support;
using Gates.Testing;

namespace Gates.LatencyBench.Tests.Tuning;

/// <summary>run --server-metrics: the server's own view (vLLM-style /metrics) in the results, gated, reconciled and the ceiling named.</summary>
public class ServerMetricsRunTests
{
    [Fact]
    public async Task The_servers_metrics_are_in_the_results_and_gated()
    {
        await using var server = await QueueModelServer.StartAsync(slots: 2, kvAtFull: 0.95, preemptionsPerRequest: 1);
        using var temp = new TempFolder();
        var thresholds = temp.Write("t.yaml", "gates:\n  preemptions:\n    metric: server_preemptions\n    max: 0\n  kv:\n    metric: server_kv_cache_usage_max\n    max: 0.9\n    comparison: lt\n");

        var result = await Tool.RunAsync(temp.Path, "run", "--url", server.ChatUrl, "--concurrency", "4", "--requests", "12",
            "--server-metrics", server.MetricsUrl, "--server-metrics-interval", "50ms", "--save-results", "r.json", "--thresholds", thresholds, "--progress", "off");

        result.ExitCode.ShouldBe(1, result.ToString());
        var r = new ResultsFile(temp.File("r.json"));
        r.Metric("server_preemptions").ShouldBe(12);
        r.Metric("server_kv_cache_usage_max").ShouldBe(0.95, 1e-9);
        r.Metric("server_requests_running_max").ShouldBe(2);
        r.Metric("server_ttft_count").ShouldBe(12);
        r.Metric("server_e2e_count").ShouldBe(12);
        r.Has("server_ttft_p95_ms").ShouldBeTrue();
        r.Has("ttft_client_minus_server_p50_ms").ShouldBeTrue();
        (r.Metric("server_e2e_p50_ms") >= r.Metric("server_ttft_p50_ms")).ShouldBeTrue();
        r.Root.GetProperty("server").GetProperty("ceiling").EnumerateArray().First().GetString()!.ShouldStartWith("KV cache saturated");
        result.Stderr.ShouldContain("server ceiling: KV cache saturated");
        result.Stderr.ShouldContain("TTFT client vs server: p50 ");
        result.Stdout.ShouldContain("preemptions: 12 violates <= 0");
    }

    [Fact]
    public async Task An_unreachable_metrics_endpoint_is_a_warning_not_a_failure()
    {
        await using var server = await QueueModelServer.StartAsync(slots: 4);
        using var temp = new TempFolder();

        var result = await Tool.RunAsync(temp.Path, "run", "--url", server.ChatUrl, "--concurrency", "2", "--requests", "4",
            "--server-metrics", $"http://127.0.0.1:{Ports.Closed()}/metrics", "--save-results", "r.json", "--progress", "off");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain("scrape(s) of");
        new ResultsFile(temp.File("r.json")).Metric("server_scrapes").ShouldBe(0);
    }
}
