using Gates.LatencyBench.Tests.Support;
using Gates.Testing;

namespace Gates.LatencyBench.Tests.Server;

/// <summary>--target-precision against a local server: stop early once reached, say how far off when capped.</summary>
public class PrecisionRunTests
{
    [Fact]
    public async Task A_loose_target_stops_the_run_well_before_its_duration_cap()
    {
        await using var server = await TestServer.StartAsync(async (ctx, n) =>
        {
            await Task.Delay(1 + (n % 3));
            await OpenAiStream.Json(ctx, """{"ok":true}""");
        });
        using var temp = new TempFolder();

        var result = await Tool.RunAsync(temp.Path, "run", "--url", server.BaseUrl + "/health", "--concurrency", "4",
            "--duration", "60s", "--target-precision", "p50:25%", "--save-results", "r.json", "--progress", "off");

        result.ExitCode.ShouldBe(0, result.ToString());
        var r = new ResultsFile(temp.File("r.json"));
        var precision = r.Root.GetProperty("precision");
        precision.GetProperty("reached").GetBoolean().ShouldBeTrue();
        precision.GetProperty("stopped_early").GetBoolean().ShouldBeTrue();
        var target = precision.GetProperty("targets")[0];
        target.GetProperty("metric").GetString().ShouldBe("latency_p50_ms");
        target.GetProperty("half_width").GetDouble().ShouldBeLessThanOrEqualTo(0.25);
        r.Metric("duration_s").ShouldBeLessThan(50);
        r.Root.GetProperty("load").GetProperty("target_precision").GetString().ShouldBe("latency_p50_ms within ±25%");
        result.Stderr.ShouldContain("precision: latency_p50_ms within ±25%");
        result.Stderr.ShouldContain("reached");
    }

    [Fact]
    public async Task A_capped_run_reports_the_precision_missed_and_the_requests_it_would_take()
    {
        await using var server = await TestServer.StartAsync((ctx, n) => OpenAiStream.Json(ctx, """{"ok":true}"""));
        using var temp = new TempFolder();

        var result = await Tool.RunAsync(temp.Path, "run", "--url", server.BaseUrl + "/health", "--requests", "30",
            "--target-precision", "p99:1%", "--save-results", "r.json", "--progress", "off");

        result.ExitCode.ShouldBe(0, result.ToString());
        var r = new ResultsFile(temp.File("r.json"));
        r.Metric("requests").ShouldBe(30);
        var precision = r.Root.GetProperty("precision");
        precision.GetProperty("reached").GetBoolean().ShouldBeFalse();
        precision.GetProperty("stopped_early").GetBoolean().ShouldBeFalse();
        precision.GetProperty("targets")[0].GetProperty("more_samples").GetInt64().ShouldBeGreaterThan(0);
        result.Stderr.ShouldContain("not reached");
    }

    [Fact]
    public async Task A_malformed_target_is_an_input_error()
    {
        using var temp = new TempFolder();

        var result = await Tool.RunAsync(temp.Path, "run", "--url", "http://127.0.0.1:9/health", "--target-precision", "p95=5%");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("--target-precision: 'p95=5%' is not");
    }
}
