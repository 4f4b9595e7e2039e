using System.Text.Json.Nodes;
using Gates.Cli;

namespace Gates.LatencyBench.Tuning;

/// <summary>
/// The results file of a sweep (<c>"format": "latency-bench-sweep"</c>): the points in order (the latency–throughput
/// curve), the capacity (the highest load at which every SLO gate held) and the knee, and in <c>metrics</c> the
/// capacity with the capacity point's own metrics, so gates and the tuning log read a sweep like a run.
/// </summary>
internal static class SweepDocument
{
    public const string FormatName = "latency-bench-sweep";

    public static JsonObject Create(GateRun run, JsonObject target, JsonObject load, SweepPlan plan, string sloPath,
        IReadOnlyList<SweepPoint> points, string stopped, bool interrupted)
    {
        var axis = plan.AxisName;
        var best = points.Where(p => p.SloMet).MaxBy(p => p.Load);
        var firstMissed = points.FirstOrDefault(p => !p.SloMet && (best is null || p.Load > best.Load));
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        if (best is not null)
        {
            foreach (var (name, value) in best.Metrics)
            {
                metrics[name] = value;
            }
        }

        metrics["capacity"] = best?.Load ?? 0;
        metrics["capacity_" + axis] = best?.Load ?? 0;
        metrics["sweep_points"] = points.Count;
        metrics["sweep_points_met"] = points.Count(p => p.SloMet);
        Max(metrics, points, "requests_per_second");
        Max(metrics, points, "output_tokens_per_second");
        Max(metrics, points, "goodput_rps");

        var reasons = interrupted ? new JsonArray("the sweep was interrupted") : [];
        return new JsonObject
        {
            ["format"] = FormatName,
            ["version"] = 1,
            ["tool"] = new JsonObject { ["name"] = run.Tool.Name, ["version"] = run.Tool.Version },
            ["started_at"] = run.StartedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["target"] = target.DeepClone(),
            ["load"] = load.DeepClone(),
            ["valid"] = !interrupted,
            ["invalid_reasons"] = reasons,
            ["interrupted"] = interrupted,
            ["sweep"] = new JsonObject
            {
                ["axis"] = axis,
                ["loads"] = new JsonArray([.. plan.Loads.Select(l => (JsonNode)l)]),
                ["stop_after"] = plan.StopAfter,
                ["slo"] = Path.GetFileName(sloPath),
                ["stopped"] = stopped,
            },
            ["capacity"] = new JsonObject
            {
                ["axis"] = axis,
                ["value"] = best?.Load ?? 0,
                ["definition"] = $"the highest {axis} at which every gate of the SLO file held (0 when none did)",
            },
            ["knee"] = new JsonObject
            {
                ["last_met"] = best?.Load,
                ["first_missed"] = firstMissed?.Load,
                ["missed_because"] = new JsonArray([.. (firstMissed?.Missed ?? []).Select(m => (JsonNode)m)]),
                ["ceiling"] = new JsonArray([.. (firstMissed?.Ceiling ?? best?.Ceiling ?? []).Select(c => (JsonNode)c)]),
            },
            ["metrics"] = new JsonObject(metrics.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Math.Round(kv.Value, 6)))),
            ["points"] = new JsonArray([.. points.Select(p => (JsonNode)p.ToJson(axis))]),
        };
    }

    private static void Max(SortedDictionary<string, double> metrics, IReadOnlyList<SweepPoint> points, string name)
    {
        var values = points.Where(p => p.Metrics.ContainsKey(name)).Select(p => p.Metrics[name]).ToList();
        if (values.Count > 0)
        {
            metrics["max_" + name] = values.Max();
        }
    }
}
