using System.Text.Json.Nodes;

namespace Gates.LatencyBench.Tuning;

/// <summary>One measured load point of a sweep: its load, whether every SLO gate held, why not, its metrics and the server's ceiling.</summary>
internal sealed record SweepPoint(double Load, bool SloMet, IReadOnlyList<string> Missed, IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyList<string> Ceiling, bool Valid)
{
    /// <summary>The latency–throughput curve's columns, in the results file and the summary table.</summary>
    public static readonly string[] CurveMetrics =
    [
        "requests_per_second", "output_tokens_per_second", "goodput_rps", "error_rate", "ttft_p50_ms", "ttft_p95_ms", "tpot_p95_ms",
        "latency_p50_ms", "latency_p95_ms", "latency_p99_ms", "server_requests_waiting_max", "server_kv_cache_usage_max", "server_preemptions",
    ];

    public JsonObject ToJson(string axis)
    {
        var json = new JsonObject { [axis] = Load, ["slo_met"] = SloMet };
        foreach (var name in CurveMetrics.Where(Metrics.ContainsKey))
        {
            json[name] = Math.Round(Metrics[name], 6);
        }

        json["missed"] = new JsonArray([.. Missed.Select(m => (JsonNode)m)]);
        json["ceiling"] = new JsonArray([.. Ceiling.Select(c => (JsonNode)c)]);
        json["valid"] = Valid;
        json["metrics"] = new JsonObject(Metrics.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Math.Round(kv.Value, 6))));
        return json;
    }
}
