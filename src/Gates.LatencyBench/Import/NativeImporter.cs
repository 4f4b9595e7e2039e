using System.Text.Json;

namespace Gates.LatencyBench.Import;

/// <summary>latency-bench's own results file.</summary>
internal static class NativeImporter
{
    public static bool Matches(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String
        && f.GetString() == Results.ResultsDocument.FormatName;

    public static LatencyResults Read(JsonElement root, string path, string sha)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        if (root.TryGetProperty("metrics", out var m) && m.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in m.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number))
            {
                metrics[p.Name] = p.Value.GetDouble();
            }
        }

        var reasons = root.TryGetProperty("invalid_reasons", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Select(x => x.GetString() ?? "").ToList()
            : [];
        var streamed = root.TryGetProperty("target", out var t) && t.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
        var absent = new Dictionary<string, string>
        {
            ["ttft"] = streamed ? "no successful streamed response carried output" : "TTFT and ITL are measured on streamed (SSE) responses only",
            ["itl"] = streamed ? "no response had two output chunks" : "TTFT and ITL are measured on streamed (SSE) responses only",
            ["tpot"] = "TPOT needs streamed responses with more than one output token",
            ["latency"] = "no request succeeded",
            ["goodput"] = "run with --goodput to measure goodput",
            ["good"] = "run with --goodput to measure goodput",
            ["offered"] = "offered rate exists in open loop (--rate) only",
        };
        return new LatencyResults
        {
            Path = path,
            Format = "latency-bench",
            Sha256 = sha,
            Metrics = metrics,
            Document = root,
            InvalidReasons = reasons,
            Successful = metrics.TryGetValue("successful_requests", out var ok) ? (long)ok : null,
            Requests = metrics.TryGetValue("requests", out var n) ? (long)n : null,
            AbsentReasons = absent,
            Timeline = Results.ThroughputTimeline.FromJson(root),
            Histograms = root.TryGetProperty("histograms", out var h) && h.ValueKind == JsonValueKind.String
                ? Results.HistogramLog.FromText(h.GetString()!, path)
                : new Dictionary<string, HdrHistogram.LongHistogram>(),
            Semantics = new Dictionary<string, string>
            {
                ["ttft_basis"] = "first_output",
                ["itl_basis"] = "per_chunk_pooled",
                ["tpot_basis"] = "per_request",
                ["percentile_method"] = "hdr3",
                ["latency_origin"] = "intended_start",
            },
        };
    }
}
