using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gates.LatencyBench.Results;

/// <summary>
/// The native results file (docs/latency-bench.md, "Results file"): metrics with the names thresholds use, the
/// counters shards need to merge, the definitions behind each metric, and whether the run was valid.
/// </summary>
internal static class ResultsDocument
{
    public const string FormatName = "latency-bench-results";
    public const int Version = 1;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject Create(RunRecord run, string? histogramLog)
    {
        var metrics = run.Metrics();
        foreach (var (name, value) in run.ServerMetrics)
        {
            metrics[name] = value;
        }

        List<string> reasons = [.. run.MergeProblems, .. RunValidity.Reasons(metrics, run.MaxScheduleLagMs, run.Interrupted, run.OpenLoop)];
        var doc = new JsonObject
        {
            ["format"] = FormatName,
            ["version"] = Version,
            ["tool"] = new JsonObject { ["name"] = run.Tool.Name, ["version"] = run.Tool.Version },
            ["started_at"] = run.StartedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["target"] = run.Target.DeepClone(),
            ["load"] = run.Load.DeepClone(),
            ["valid"] = reasons.Count == 0,
            ["invalid_reasons"] = new JsonArray([.. reasons.Select(r => (JsonNode)r)]),
            ["interrupted"] = run.Interrupted,
            ["metrics"] = new JsonObject(metrics.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Number(kv.Value)))),
            ["errors"] = Errors(run),
            ["tokens"] = new JsonObject
            {
                ["source"] = run.TokensSource,
                ["from_usage"] = run.Counts.TokensFromUsage,
                ["from_chunks"] = run.Counts.TokensFromChunks,
                ["unknown"] = run.Counts.TokensUnknown,
                ["prompt_tokens"] = run.Counts.PromptTokens,
            },
            ["counts"] = Counts(run),
            ["window"] = new JsonObject
            {
                ["start_unix_ms"] = run.Window.StartUnixMs,
                ["end_unix_ms"] = run.Window.EndUnixMs,
                ["first_sent_unix_ms"] = run.Window.FirstSentUnixMs,
                ["last_sent_unix_ms"] = run.Window.LastSentUnixMs,
            },
            ["definitions"] = Definitions(),
            // The distributions themselves (an HdrHistogram log), so gates can put confidence intervals on percentiles.
            ["histograms"] = run.Histograms.Count > 0 ? HistogramLog.ToText(run.Histograms, run.Window) : null,
        };
        if (run.Timeline is { } timeline)
        {
            doc["timeline"] = timeline.ToJson();
        }

        if (run.Goodput is { } goodput)
        {
            doc["goodput_objectives_ms"] = new JsonObject { ["ttft"] = goodput.TtftMs, ["tpot"] = goodput.TpotMs, ["latency"] = goodput.LatencyMs };
        }

        if (run.Shard is { } shard)
        {
            doc["shard"] = new JsonObject { ["index"] = shard.Index, ["count"] = shard.Count, ["histogram_log"] = histogramLog };
        }

        if (run.Precision is { } precision)
        {
            doc["precision"] = precision.DeepClone();
        }

        if (run.Server is { } server)
        {
            doc["server"] = server.DeepClone();
        }

        if (run.MergedFrom.Count > 0)
        {
            doc["merged_from"] = new JsonArray([.. run.MergedFrom.Select(p => (JsonNode)p)]);
        }

        return doc;
    }

    public static void Write(string path, JsonObject doc)
    {
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, doc.ToJsonString(Indented) + "\n");
    }

    private static JsonObject Errors(RunRecord run)
    {
        var errors = new JsonObject();
        foreach (var error in Measure.ErrorClasses.All)
        {
            errors[Measure.ErrorClasses.Name(error)] = run.Counts.Errors.GetValueOrDefault(Measure.ErrorClasses.Name(error));
        }

        errors["by_status"] = new JsonObject(run.Counts.ByStatus.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value)));
        return errors;
    }

    private static JsonObject Counts(RunRecord run) => new()
    {
        ["requests"] = run.Counts.Requests,
        ["succeeded"] = run.Counts.Succeeded,
        ["sent"] = run.Counts.Sent,
        ["cancelled"] = run.Counts.Cancelled,
        ["warmup"] = run.WarmupRequests,
        ["good"] = run.Counts.Good,
        ["output_tokens"] = run.Counts.OutputTokens,
        ["offered_rate"] = run.OfferedRate,
    };

    private static JsonObject Definitions() => new()
    {
        ["origin"] = "every latency starts at the request's intended start: its scheduled time in open loop, the moment its worker was free in closed loop (corrects coordinated omission); service_latency starts at the actual send",
        ["latency"] = "intended start to the end of the response body (for streams: the end of the stream)",
        ["ttft"] = "intended start to the first chunk carrying output (content, reasoning or tool call)",
        ["tpot"] = "per request, (last output chunk - first output chunk) / (output tokens - 1), requests with more than one token (vLLM TPOT)",
        ["itl"] = "gaps between successive output chunks, pooled over requests (vLLM ITL, per chunk)",
        ["output_tokens"] = "usage.completion_tokens when the server sends it, else one per output chunk (see tokens.source)",
        ["requests_per_second"] = "successful requests / measurement duration",
        ["percentiles"] = "HdrHistogram, 3 significant digits, microsecond resolution",
    };

    private static JsonNode Number(double value) =>
        Math.Abs(value - Math.Round(value)) < 1e-12 && Math.Abs(value) < 1e15 ? JsonValue.Create((long)Math.Round(value)) : JsonValue.Create(Math.Round(value, 6));
}
