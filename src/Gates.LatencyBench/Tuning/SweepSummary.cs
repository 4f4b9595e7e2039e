using System.Globalization;
using System.Text.Json.Nodes;

namespace Gates.LatencyBench.Tuning;

/// <summary>The human summary of a sweep: one line per point (the latency–throughput curve), then the capacity and the knee.</summary>
internal sealed class SweepSummary(TextWriter writer)
{
    public void Write(string axis, IReadOnlyList<SweepPoint> points, JsonObject doc)
    {
        writer.WriteLine($"{axis,12} {"req/s",9} {"tok/s",9} {"TTFT p95",10} {"p95 ms",10} {"errors",8}  SLO");
        foreach (var p in points)
        {
            writer.WriteLine($"{SweepPlan.Format(p.Load),12} {Get(p, "requests_per_second", "0.##"),9} {Get(p, "output_tokens_per_second", "0.#"),9} " +
                $"{Get(p, "ttft_p95_ms", "0.#"),10} {Get(p, "latency_p95_ms", "0.#"),10} {Get(p, "error_rate", "0.####"),8}  {(p.SloMet ? "met" : "missed")}");
        }

        var capacity = doc["capacity"]!["value"]!.GetValue<double>();
        writer.WriteLine(capacity > 0
            ? $"capacity   {axis} {SweepPlan.Format(capacity)} (the highest load at which every SLO gate held)"
            : $"capacity   none: no point met the SLO");
        if (doc["knee"]!["first_missed"] is { } missed)
        {
            var because = doc["knee"]!["missed_because"]!.AsArray().Select(x => x!.GetValue<string>());
            writer.WriteLine($"knee       at {axis} {SweepPlan.Format(missed.GetValue<double>())}: {string.Join("; ", because)}");
        }

        foreach (var ceiling in doc["knee"]!["ceiling"]!.AsArray())
        {
            writer.WriteLine($"ceiling    {ceiling}");
        }
    }

    private static string Get(SweepPoint p, string name, string format) =>
        p.Metrics.TryGetValue(name, out var v) ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
