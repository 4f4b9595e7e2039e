using System.Text.Json;
using Gates.LatencyBench.Import;

namespace Gates.LatencyBench.Tuning;

/// <summary>Reads a sweep results file for gates: <c>capacity</c>, the capacity point's metrics, and dotted paths into the points.</summary>
internal static class SweepImporter
{
    public static bool Matches(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String
        && f.GetString() == SweepDocument.FormatName;

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

        var axis = root.TryGetProperty("sweep", out var s) && s.TryGetProperty("axis", out var a) ? a.GetString() ?? "" : "";
        return new LatencyResults
        {
            Path = path,
            Format = "latency-bench sweep",
            Sha256 = sha,
            Metrics = metrics,
            Document = root,
            InvalidReasons = root.TryGetProperty("invalid_reasons", out var r) && r.ValueKind == JsonValueKind.Array
                ? [.. r.EnumerateArray().Select(x => x.GetString() ?? "")]
                : [],
            Successful = metrics.TryGetValue("successful_requests", out var ok) ? (long)ok : null,
            Requests = metrics.TryGetValue("requests", out var n) ? (long)n : null,
            AbsentReasons = new Dictionary<string, string>
            {
                ["latency"] = "no point of the sweep met the SLO, so there is no capacity point to take metrics from",
                ["ttft"] = "no capacity point, or not streamed",
            },
            Semantics = new Dictionary<string, string> { ["capacity_axis"] = axis, ["latency_origin"] = "intended_start" },
        };
    }
}
