using System.Text.Json.Nodes;
using Gates.LatencyBench.Results;

namespace Gates.LatencyBench.Report;

/// <summary>
/// The "charts" part of latency-bench's report section: each family's percentile distribution and, for a live run,
/// the throughput timeline, so other tools (gate-report) can draw what latency-bench draws.
/// </summary>
internal static class ChartData
{
    public static JsonObject ToJson(IReadOnlyList<PercentileCurve> curves, ThroughputTimeline? timeline) => new()
    {
        ["percentiles"] = new JsonObject(curves.Select(c => KeyValuePair.Create(c.Tag, (JsonNode?)c.ToJson()))),
        ["timeline"] = timeline?.ToJson(),
    };
}
