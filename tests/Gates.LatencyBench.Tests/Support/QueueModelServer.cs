using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Gates.LatencyBench.Tests.Support;

/// <summary>
/// A streaming OpenAI chat server with a known capacity: <see cref="Slots"/> requests are served at once, each for
/// <c>tokens × gap</c>; beyond that, requests wait in a queue, so TTFT grows by a whole service time per queue
/// round and the knee sits at exactly <see cref="Slots"/> concurrent requests. It exposes vLLM-style
/// <c>/metrics</c>: waiting and running requests, KV-cache usage (running / slots × <see cref="KvAtFull"/>),
/// preemptions, and TTFT and end-to-end histograms measured from arrival (as vLLM's include queueing).
/// </summary>
internal sealed class QueueModelServer : IAsyncDisposable
{
    private static readonly double[] Bounds = [0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1, 2.5, 5, 10];

    private readonly SemaphoreSlim slots;
    private readonly long[] ttftBuckets = new long[Bounds.Length + 1];
    private readonly long[] e2eBuckets = new long[Bounds.Length + 1];
    private readonly object gate = new();
    private double ttftSum;
    private double e2eSum;
    private int waiting;
    private int running;
    private long preempted;
    private TestServer? server;

    private QueueModelServer(int slotCount, int tokens, TimeSpan gap, double kvAtFull, long preemptions)
    {
        Slots = slotCount;
        Tokens = tokens;
        Gap = gap;
        KvAtFull = kvAtFull;
        Preemptions = preemptions;
        slots = new SemaphoreSlim(slotCount, slotCount);
    }

    public int Slots { get; }
    public int Tokens { get; }
    public TimeSpan Gap { get; }
    public double KvAtFull { get; }
    /// <summary>Preemptions counted for every request served, so a run's counter increase is known.</summary>
    public long Preemptions { get; }

    public string ChatUrl => server!.BaseUrl + "/v1/chat/completions";
    public string MetricsUrl => server!.BaseUrl + "/metrics";

    public static async Task<QueueModelServer> StartAsync(int slots, int tokens = 4, int gapMs = 40, double kvAtFull = 0.5, long preemptionsPerRequest = 0)
    {
        var model = new QueueModelServer(slots, tokens, TimeSpan.FromMilliseconds(gapMs), kvAtFull, preemptionsPerRequest);
        model.server = await TestServer.StartAsync((ctx, _) => model.HandleAsync(ctx));
        return model;
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        if (ctx.Request.Path == "/metrics")
        {
            ctx.Response.ContentType = "text/plain; version=0.0.4";
            await ctx.Response.WriteAsync(Exposition());
            return;
        }

        var arrival = DateTime.UtcNow;
        Interlocked.Increment(ref waiting);
        await slots.WaitAsync();
        Interlocked.Decrement(ref waiting);
        Interlocked.Increment(ref running);
        Interlocked.Add(ref preempted, Preemptions);
        try
        {
            ctx.Response.ContentType = "text/event-stream";
            await OpenAiStream.Event(ctx, """{"id":"q","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}""");
            for (var i = 0; i < Tokens; i++)
            {
                await Task.Delay(Gap);
                var finish = i == Tokens - 1 ? "\"stop\"" : "null";
                await OpenAiStream.Event(ctx, $$"""{"id":"q","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"t{{i}} "},"finish_reason":{{finish}}}]}""");
                if (i == 0)
                {
                    Observe(ttftBuckets, ref ttftSum, (DateTime.UtcNow - arrival).TotalSeconds);
                }
            }

            await OpenAiStream.Event(ctx, $$$"""{"id":"q","object":"chat.completion.chunk","choices":[],"usage":{"prompt_tokens":10,"completion_tokens":{{{Tokens}}},"total_tokens":{{{Tokens + 10}}}}}""");
            Observe(e2eBuckets, ref e2eSum, (DateTime.UtcNow - arrival).TotalSeconds);
            await OpenAiStream.Event(ctx, "[DONE]");
        }
        finally
        {
            Interlocked.Decrement(ref running);
            slots.Release();
        }
    }

    private void Observe(long[] buckets, ref double sum, double seconds)
    {
        lock (gate)
        {
            sum += seconds;
            for (var i = 0; i < Bounds.Length; i++)
            {
                if (seconds <= Bounds[i])
                {
                    buckets[i]++;
                }
            }

            buckets[^1]++;
        }
    }

    private string Exposition()
    {
        var label = "model_name=\"queue-model\"";
        var text = new StringBuilder();
        string N(double v) => v.ToString("0.0###", CultureInfo.InvariantCulture);
        text.Append("# HELP vllm:num_requests_running Number of requests in model execution batches.\n# TYPE vllm:num_requests_running gauge\n");
        text.Append($"vllm:num_requests_running{{{label}}} {N(Volatile.Read(ref running))}\n");
        text.Append("# TYPE vllm:num_requests_waiting gauge\n");
        text.Append($"vllm:num_requests_waiting{{{label}}} {N(Volatile.Read(ref waiting))}\n");
        text.Append("# TYPE vllm:kv_cache_usage_perc gauge\n");
        text.Append($"vllm:kv_cache_usage_perc{{{label}}} {N((double)Volatile.Read(ref running) / Slots * KvAtFull)}\n");
        text.Append("# TYPE vllm:num_preemptions_total counter\n");
        text.Append($"vllm:num_preemptions_total{{{label}}} {N(Interlocked.Read(ref preempted))}\n");
        lock (gate)
        {
            Histogram(text, "vllm:time_to_first_token_seconds", ttftBuckets, ttftSum, label);
            Histogram(text, "vllm:e2e_request_latency_seconds", e2eBuckets, e2eSum, label);
        }

        return text.ToString();
    }

    private static void Histogram(StringBuilder text, string name, long[] buckets, double sum, string label)
    {
        text.Append($"# TYPE {name} histogram\n");
        for (var i = 0; i < Bounds.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{le=\"{Bounds[i]:0.0##}\",{label}}} {buckets[i]}.0\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{le=\"+Inf\",{label}}} {buckets[^1]}.0\n");
        text.Append(CultureInfo.InvariantCulture, $"{name}_count{{{label}}} {buckets[^1]}.0\n");
        text.Append(CultureInfo.InvariantCulture, $"{name}_sum{{{label}}} {sum:0.######}\n");
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        slots.Dispose();
    }
}
