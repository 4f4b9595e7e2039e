using System.Globalization;
using System.Text.Json;
using Gates.LatencyBench.Results;

namespace Gates.LatencyBench.Import;

/// <summary>
/// genai-perf <c>profile_export_genai_perf.json</c> and AIPerf <c>profile_export_aiperf.json</c>: one object per metric
/// with a <c>unit</c> and <c>avg, min, max, std, p1 … p99</c>. Their "inter_token_latency" is a per-request average,
/// i.e. vLLM's TPOT, so it maps to <c>tpot_*</c>; AIPerf's "inter_chunk_latency" is vLLM's ITL.
/// </summary>
internal static class GenAiPerfImporter
{
    private static readonly (string Source, string Family)[] Distributions =
    [
        ("request_latency", "latency"),
        ("time_to_first_token", "ttft"),
        ("time_to_first_output_token", "ttft_content"),
        ("time_to_second_token", "ttst"),
        ("inter_token_latency", "tpot"),
        ("inter_chunk_latency", "itl"),
    ];

    public static bool Matches(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && (HasUnit(root, "request_latency") || HasUnit(root, "time_to_first_token") || HasUnit(root, "request_throughput"));

    public static LatencyResults Read(JsonElement root, string path, string sha)
    {
        var aiperf = root.TryGetProperty("schema_version", out _) || root.TryGetProperty("aiperf_version", out _);
        var m = new Dictionary<string, double>(StringComparer.Ordinal);
        var warnings = new List<string>();
        foreach (var (source, family) in Distributions)
        {
            if (!root.TryGetProperty(source, out var stats) || stats.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var unit = stats.TryGetProperty("unit", out var u) ? u.GetString() : "ms";
            foreach (var p in stats.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number))
            {
                var stat = p.Name switch
                {
                    "avg" => "mean",
                    "std" => "stddev",
                    "min" or "max" => p.Name,
                    ['p', .. var rest] when double.TryParse(rest, NumberStyles.Float, CultureInfo.InvariantCulture, out var pct) => MetricNames.PercentileSuffix(pct),
                    _ => null,
                };
                if (stat is not null)
                {
                    m[MetricNames.Of(family, stat)] = Units.ToMs(p.Value.GetDouble(), unit, $"{path}: {source}");
                }
            }
        }

        Avg(root, "request_throughput", m, "requests_per_second");
        Avg(root, "output_token_throughput", m, "output_tokens_per_second");
        Avg(root, "total_token_throughput", m, "total_tokens_per_second");
        if (!Avg(root, "request_goodput", m, "goodput_rps"))
        {
            Avg(root, "goodput", m, "goodput_rps");
        }

        Avg(root, "good_request_fraction", m, "good_request_fraction");
        var ok = Avg(root, "request_count", m, "successful_requests") ? (long?)m["successful_requests"] : null;
        var errors = ErrorCount(root);
        if (ok is { } n && errors is { } e)
        {
            m["failed_requests"] = e;
            m["requests"] = n + e;
            if (n + e > 0)
            {
                m["error_rate"] = e / (n + e);
            }
        }

        return new LatencyResults
        {
            Path = path,
            Format = aiperf ? "aiperf" : "genai-perf",
            Sha256 = sha,
            Metrics = m,
            Document = root,
            Warnings = warnings,
            Successful = ok,
            Requests = ok + (long?)errors,
            AbsentReasons = new Dictionary<string, string>
            {
                ["error"] = "genai-perf exports no error count; AIPerf writes error_request_count or error_summary",
                ["itl"] = "only AIPerf exports per-chunk inter_chunk_latency (genai-perf's inter_token_latency is TPOT)",
            },
            Semantics = new Dictionary<string, string>
            {
                ["ttft_basis"] = aiperf ? "first_content_or_reasoning" : "first_content",
                ["itl_basis"] = "per_chunk_pooled",
                ["tpot_basis"] = "per_request (their inter_token_latency)",
                ["tokens_source"] = "client_tokenizer",
                ["percentile_method"] = "linear",
            },
        };
    }

    private static double? ErrorCount(JsonElement root)
    {
        if (root.TryGetProperty("error_request_count", out var e) && e.ValueKind == JsonValueKind.Object
            && e.TryGetProperty("avg", out var avg) && avg.ValueKind == JsonValueKind.Number)
        {
            return avg.GetDouble();
        }

        if (root.TryGetProperty("error_summary", out var summary) && summary.ValueKind == JsonValueKind.Array)
        {
            return summary.EnumerateArray().Sum(x => x.TryGetProperty("count", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : 0);
        }

        return null;
    }

    private static bool Avg(JsonElement root, string key, Dictionary<string, double> m, string name)
    {
        if (root.TryGetProperty(key, out var o) && o.ValueKind == JsonValueKind.Object && o.TryGetProperty("avg", out var v) && v.ValueKind == JsonValueKind.Number)
        {
            m[name] = v.GetDouble();
            return true;
        }

        return false;
    }

    private static bool HasUnit(JsonElement root, string key) =>
        root.TryGetProperty(key, out var o) && o.ValueKind == JsonValueKind.Object && o.TryGetProperty("unit", out _);
}
