using System.Text;
using Gates.LatencyBench.Tests.Support;
using Gates.Testing;
using Microsoft.AspNetCore.Http;

namespace Gates.LatencyBench.Tests.Server;

/// <summary>
/// A server that scripts one fault per prompt: every fault lands in its error class, the run never crashes, and
/// the healthy requests are still measured.
/// </summary>
public class FaultTests
{
    private static readonly string[] Faults = ["ok", "http503", "slow", "reset", "abort-mid-stream", "malformed", "early-end", "error-event"];

    private static async Task Serve(HttpContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.Body);
        var body = await reader.ReadToEndAsync();
        var fault = Faults.First(f => body.Contains($"\"{f}\"", StringComparison.Ordinal));
        switch (fault)
        {
            case "ok":
                await OpenAiStream.WriteAsync(ctx, 3, TimeSpan.Zero);
                break;
            case "http503":
                ctx.Response.StatusCode = 503;
                await ctx.Response.WriteAsync("overloaded");
                break;
            case "slow":
                await Task.Delay(TimeSpan.FromSeconds(120), ctx.RequestAborted);
                break;
            case "reset":
                ctx.Abort();
                break;
            case "abort-mid-stream":
                ctx.Response.ContentType = "text/event-stream";
                await OpenAiStream.Event(ctx, """{"choices":[{"index":0,"delta":{"content":"par"}}]}""");
                await Task.Delay(50);
                ctx.Abort();
                break;
            case "malformed":
                ctx.Response.ContentType = "text/event-stream";
                await OpenAiStream.Event(ctx, """{"choices":[{"index":0,"delta":{"content":"x""");
                await OpenAiStream.Event(ctx, "[DONE]");
                break;
            case "early-end":
                ctx.Response.ContentType = "text/event-stream";
                await OpenAiStream.Event(ctx, """{"choices":[{"index":0,"delta":{"content":"par"}}]}""");
                break;
            case "error-event":
                ctx.Response.ContentType = "text/event-stream";
                await OpenAiStream.Event(ctx, """{"error":{"message":"engine died","code":500}}""");
                break;
        }
    }

    [Theory]
    [InlineData("raw")]
    [InlineData("system")]
    public async Task Every_fault_is_counted_in_its_class(string client)
    {
        // The timeout (8 s) is far above what any other fault takes, even on a loaded 2-core machine; "slow" waits
        // until the client gives up.
        await using var server = await TestServer.StartAsync((ctx, n) => Serve(ctx));
        using var temp = new TempFolder();
        File.WriteAllLines(temp.File("prompts.jsonl"), Faults.Select(f => $"\"{f}\""));

        var result = await Tool.RunAsync(temp.Path, "run", "--url", server.BaseUrl + "/v1/chat/completions", "--prompts", "prompts.jsonl",
            "--requests", "16", "--concurrency", "2", "--timeout", "8s", "--warmup-requests", "8", "--no-probe", "--client", client, "--save-results", "r.json", "--requests-log", "log.jsonl", "--progress", "off");

        result.ExitCode.ShouldBe(0, result.ToString());
        var r = new ResultsFile(temp.File("r.json"));
        r.Metric("requests").ShouldBe(16);
        r.Metric("successful_requests").ShouldBe(2, File.ReadAllText(temp.File("log.jsonl")));
        r.Errors("http_status").ShouldBe(2);
        r.Errors("timeout").ShouldBe(2);
        // A reset after the first chunk is normally "stream_interrupted"; if the reset overtakes the headers (TCP
        // drops unread data on RST) the client never saw a response and it is "connection". Either way it is counted.
        r.Errors("stream_interrupted").ShouldBeGreaterThanOrEqualTo(2);
        (r.Errors("connection") + r.Errors("stream_interrupted")).ShouldBe(6);
        r.Errors("malformed_response").ShouldBe(4);
        r.Root.GetProperty("errors").GetProperty("by_status").GetProperty("503").GetInt64().ShouldBe(2);
        r.Metric("error_rate").ShouldBe(14.0 / 16);
        r.Metric("latency_count").ShouldBe(2);
        var log = File.ReadAllText(temp.File("log.jsonl"));
        log.ShouldContain("\"outcome\":\"malformed_response\"");
        log.ShouldContain("engine died");
        result.Stdout.ShouldContain("timeout 2");
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_exit_3_with_a_clear_message()
    {
        using var temp = new TempFolder();
        var url = $"http://127.0.0.1:{Ports.Closed()}/v1/chat/completions";

        var result = await Tool.RunAsync(temp.Path, "run", "--url", url, "--requests", "5", "--progress", "off");

        result.ExitCode.ShouldBe(3, result.ToString());
        result.Stderr.ShouldContain("cannot reach http://127.0.0.1:");
        File.Exists(temp.File("r.json")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_rejected_first_request_is_exit_3_and_names_the_likely_causes()
    {
        await using var server = await TestServer.StartAsync((ctx, n) =>
        {
            ctx.Response.StatusCode = 401;
            return Task.CompletedTask;
        });
        using var temp = new TempFolder();

        var result = await Tool.RunAsync(temp.Path, "run", "--url", server.BaseUrl + "/v1/chat/completions", "--requests", "5", "--progress", "off");

        result.ExitCode.ShouldBe(3, result.ToString());
        result.Stderr.ShouldContain("rejected the first request with HTTP 401");
        result.Stderr.ShouldContain("--api-key-env");
    }

    [Fact]
    public async Task A_run_where_nothing_succeeds_is_exit_3_but_still_writes_its_results()
    {
        await using var server = await TestServer.StartAsync((ctx, n) =>
        {
            ctx.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        using var temp = new TempFolder();

        var result = await Tool.RunAsync(temp.Path, "run", "--url", server.BaseUrl + "/v1/chat/completions", "--requests", "4",
            "--save-results", "r.json", "--progress", "off");

        result.ExitCode.ShouldBe(3, result.ToString());
        result.Stderr.ShouldContain("no request to");
        result.Stderr.ShouldContain("warning: the first request");
        new ResultsFile(temp.File("r.json")).Errors("http_status").ShouldBe(4);
    }

    [Fact]
    public async Task The_api_key_is_sent_but_never_printed_or_written()
    {
        const string secret = "sk-test-0123456789-secret";
        string? seen = null;
        await using var server = await TestServer.StartAsync((ctx, n) =>
        {
            seen = ctx.Request.Headers.Authorization.ToString();
            return OpenAiStream.WriteAsync(ctx, 2, TimeSpan.Zero);
        });
        using var temp = new TempFolder();
        var variables = new Dictionary<string, string?> { ["MY_KEY"] = secret };

        var result = await Tool.RunAsync(temp.Path, variables, "run", "--url", server.BaseUrl + "/v1/chat/completions", "--api-key-env", "MY_KEY",
            "--requests", "3", "--save-results", "r.json", "--requests-log", "log.jsonl", "--report-json", "report.json", "--progress", "off", "--verbose");

        result.ExitCode.ShouldBe(0, result.ToString());
        seen.ShouldBe("Bearer " + secret);
        foreach (var text in new[] { result.Stdout, result.Stderr, File.ReadAllText(temp.File("r.json")), File.ReadAllText(temp.File("log.jsonl")), File.ReadAllText(temp.File("report.json")) })
        {
            text.ShouldNotContain(secret);
        }

        File.ReadAllText(temp.File("r.json")).ShouldContain("from $MY_KEY");
    }

    [Fact]
    public async Task Bad_thresholds_stop_the_run_before_any_load()
    {
        await using var server = await TestServer.StartAsync((ctx, n) => OpenAiStream.WriteAsync(ctx, 1, TimeSpan.Zero));
        using var temp = new TempFolder();
        var thresholds = temp.Write("t.yaml", "gates:\n  p95:\n    metric: latency_p95_ms\n    max: 2000\n    comparison: gte\n");

        var result = await Tool.RunAsync(temp.Path, "run", "--url", server.BaseUrl + "/v1/chat/completions", "--requests", "5", "--thresholds", thresholds);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("t.yaml:5");
        server.Requests.ShouldBe(0);
    }

    [Fact]
    public async Task A_delta_gate_without_a_baseline_stops_the_run_before_any_load()
    {
        await using var server = await TestServer.StartAsync((ctx, n) => OpenAiStream.WriteAsync(ctx, 1, TimeSpan.Zero));
        using var temp = new TempFolder();
        var thresholds = temp.Write("t.yaml", "gates:\n  p95-regression:\n    metric: latency_p95_ms\n    delta: relative\n    max: 0.1\n");

        var result = await Tool.RunAsync(temp.Path, "run", "--url", server.BaseUrl + "/v1/chat/completions", "--requests", "5", "--thresholds", thresholds);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("'p95-regression' compares with a baseline, but no --baseline was given");
        server.Requests.ShouldBe(0);
    }

    [Fact]
    public async Task A_missing_api_key_variable_is_a_usage_error()
    {
        using var temp = new TempFolder();
        var result = await Tool.RunAsync(temp.Path, "run", "--url", "http://127.0.0.1:9/v1/chat/completions", "--api-key-env", "NOT_SET_ANYWHERE");
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("NOT_SET_ANYWHERE");
    }

    [Theory]
    [InlineData("--concurrency", "0")]
    [InlineData("--rate", "-5")]
    [InlineData("--duration", "soon")]
    [InlineData("--url", "ftp://example/x")]
    [InlineData("--shard", "3/2")]
    [InlineData("--goodput", "speed:3")]
    public async Task Bad_flags_are_exit_2(string flag, string value)
    {
        using var temp = new TempFolder();
        var args = new List<string> { "run", "--url", "http://127.0.0.1:9/v1/chat/completions", flag, value };
        if (flag == "--url")
        {
            args.RemoveRange(1, 2);
        }

        var result = await Tool.RunAsync(temp.Path, [.. args]);
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain(flag);
    }
}
