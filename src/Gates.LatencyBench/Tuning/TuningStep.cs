using System.Text.Json.Nodes;
using Gates.Cli;
using Gates.Cli.Inputs;
using Gates.Core.Results;
using Gates.Core.Thresholds;
using Gates.LatencyBench.Gate;
using Gates.LatencyBench.Import;
using Gates.LatencyBench.Run;
using Gates.LatencyBench.ServerMetrics;

namespace Gates.LatencyBench.Tuning;

/// <summary>
/// After a run or a sweep: names the ceiling the server's metrics show, appends the tuning-log row and says
/// whether to stop. Returns the "tuning" part of the report's run details (null when there is nothing to say).
/// </summary>
internal static class TuningStep
{
    public static JsonObject? Apply(RunSettings settings, GateRun run, LatencyResults results, LatencyResults? baseline, string? sloFile)
    {
        var ceilings = ServerSummary.Ceilings(results.Metrics);
        foreach (var ceiling in ceilings)
        {
            run.Say($"server ceiling: {ceiling}");
        }

        var m = results.Metrics;
        if (m.TryGetValue("server_ttft_p50_ms", out var server) && m.TryGetValue("ttft_p50_ms", out var client))
        {
            var p95 = m.TryGetValue("server_ttft_p95_ms", out var s95) && m.TryGetValue("ttft_p95_ms", out var c95) ? FormattableString.Invariant($"; p95 {c95:0.#} vs {s95:0.#} ms") : "";
            run.Say(FormattableString.Invariant($"TTFT client vs server: p50 {client:0.#} vs {server:0.#} ms (difference {client - server:0.#} ms: network, proxies, queueing before the server){p95}"));
        }

        var details = new JsonObject { ["ceiling"] = new JsonArray([.. ceilings.Select(c => (JsonNode)c)]) };
        if (settings.Tuning.TuningLog is not { } path)
        {
            return ceilings.Count > 0 ? details : null;
        }

        bool? met = sloFile is null ? null : SloMet(ThresholdFiles.Read(sloFile), results, baseline);
        var row = new TuningRow(run.StartedAt, settings.Tuning.Change ?? "(no --change given)", results.Metrics, met);
        var appended = TuningLog.Append(path, row, settings.Tuning.Noise, settings.Tuning.Patience);
        run.Say($"tuning log {path}: row {appended.Number} ({appended.Delta}; SLO {(met is null ? "not given" : met.Value ? "met" : "missed")})");
        if (appended.Stop is { } stop)
        {
            run.Say($"stop: {stop}");
        }

        details["log"] = path;
        details["row"] = appended.Number;
        details["change"] = row.Change;
        details["delta"] = appended.Delta;
        details["slo_met"] = met;
        details["stop"] = appended.Stop is not null;
        details["stop_reason"] = appended.Stop;
        return details;
    }

    /// <summary>Every gate of the SLO passes (a warning still meets it).</summary>
    public static bool SloMet(ThresholdSet slo, LatencyResults results, LatencyResults? baseline) =>
        LatencyGate.Evaluate(slo, results, baseline).Checks.All(c => c.Verdict <= Verdict.Warn);
}
