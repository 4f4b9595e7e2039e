#:sdk Microsoft.NET.Sdk.Web
#:property TargetFramework=net10.0
#:property Nullable=enable
#:property PublishAot=false

// A local OpenAI-compatible SSE server with known delays, for the latency-bench accuracy benchmark.
// Usage: dotnet run bench/latency/sse-server.cs -- PORT TTFT_MS ITL_MS TOKENS [SPIN_MS] [CERT.pem KEY.pem]
// Every chunk is sent at a set offset (timer sleep, then a spin for the last SPIN_MS, default 2; 0 for many
// concurrent streams, where spinning would starve the machine); the server records when it actually flushed each
// chunk, and GET /stats returns the true median TTFT (request arrival to first content flush) and the true median
// gap between content flushes, to compare with what the client measured. With CERT.pem and KEY.pem it serves https.
using System.Diagnostics;
using System.Text;

var port = args.Length > 0 ? int.Parse(args[0]) : 18090;
var ttftMs = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50;
var itlMs = args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10;
var tokens = args.Length > 3 ? int.Parse(args[3]) : 32;
var spinMs = args.Length > 4 ? double.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 2;
var https = args.Length > 6;

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
if (https)
{
    var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(args[5], args[6]);
    builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port, l => l.UseHttps(certificate)));
}
else
{
    builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
}

var app = builder.Build();
var ttfts = new List<double>();
var gaps = new List<double>();
var payload = Encoding.UTF8.GetBytes("{\"ok\":true}");

app.MapGet("/static.json", (HttpContext ctx) => ctx.Response.Body.WriteAsync(payload).AsTask());
app.MapPost("/stats/reset", () => { lock (ttfts) { ttfts.Clear(); gaps.Clear(); } return "reset"; });
app.MapGet("/stats", () =>
{
    lock (ttfts)
    {
        return Results.Json(new { requests = ttfts.Count, ttft_median_ms = Median(ttfts), gap_median_ms = Median(gaps), gaps = gaps.Count });
    }
});
app.MapPost("/v1/chat/completions", async (HttpContext ctx) =>
{
    var start = Stopwatch.GetTimestamp();
    ctx.Response.ContentType = "text/event-stream";
    await Send(ctx, "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}");
    var sent = new List<long>();
    for (var i = 0; i < tokens; i++)
    {
        await WaitUntil(start, ttftMs + (i * itlMs), spinMs);
        var finish = i == tokens - 1 ? "\"stop\"" : "null";
        await Send(ctx, $"{{\"choices\":[{{\"index\":0,\"delta\":{{\"content\":\"t{i} \"}},\"finish_reason\":{finish}}}]}}");
        sent.Add(Stopwatch.GetTimestamp());
    }

    await Send(ctx, $"{{\"choices\":[],\"usage\":{{\"prompt_tokens\":10,\"completion_tokens\":{tokens}}}}}");
    await Send(ctx, "[DONE]");
    lock (ttfts)
    {
        ttfts.Add(Stopwatch.GetElapsedTime(start, sent[0]).TotalMilliseconds);
        for (var i = 1; i < sent.Count; i++)
        {
            gaps.Add(Stopwatch.GetElapsedTime(sent[i - 1], sent[i]).TotalMilliseconds);
        }
    }
});
Console.WriteLine($"sse-server on {(https ? "https" : "http")}://127.0.0.1:{port} (ttft {ttftMs} ms, itl {itlMs} ms, {tokens} tokens, spin {spinMs} ms)");
app.Run();

static async Task Send(HttpContext ctx, string data)
{
    await ctx.Response.Body.WriteAsync(Encoding.UTF8.GetBytes($"data: {data}\n\n"));
    await ctx.Response.Body.FlushAsync();
}

static async Task WaitUntil(long start, double offsetMs, double spinMs)
{
    var remaining = offsetMs - Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    if (remaining > spinMs + 1 || (spinMs == 0 && remaining > 0))
    {
        await Task.Delay(TimeSpan.FromMilliseconds(remaining - spinMs));
    }

    while (Stopwatch.GetElapsedTime(start).TotalMilliseconds < offsetMs)
    {
        Thread.SpinWait(50);
    }
}

static double Median(List<double> values)
{
    if (values.Count == 0)
    {
        return double.NaN;
    }

    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
