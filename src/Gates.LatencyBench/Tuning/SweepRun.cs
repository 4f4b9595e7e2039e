using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gates.Cli;
using Gates.Cli.Inputs;
using Gates.Core;
using Gates.Core.Results;
using Gates.Core.Thresholds;
using Gates.LatencyBench.Gate;
using Gates.LatencyBench.Http;
using Gates.LatencyBench.Import;
using Gates.LatencyBench.Results;
using Gates.LatencyBench.Run;

namespace Gates.LatencyBench.Tuning;

/// <summary>
/// <c>latency-bench run --sweep …</c>: measures each load point in turn (each bounded by --duration/--requests),
/// gates each with the SLO file, stops after --sweep-stop-after points in a row miss it, and writes and gates
/// the sweep (capacity, curve, knee) like a run.
/// </summary>
internal static class SweepRun
{
    /// <summary>Connections the client must be able to open for the whole sweep; null when not sweeping.</summary>
    public static int? Connections(RunSettings s) => s.Tuning.Sweep switch
    {
        { Axis: SweepAxis.Concurrency } sweep => (int)sweep.Loads[^1],
        not null => s.Plan.MaxInFlight,
        null => null,
    };

    public static ThresholdSet ReadSlo(RunSettings settings)
    {
        var path = settings.Tuning.SloFile ?? throw new GateInputException(
            "--sweep needs --slo FILE: the threshold file every load point must pass (its capacity is the highest load that passes); --thresholds then gates the sweep (capacity, with --baseline)");
        if (settings.Shard is not null || settings.Precision is not null)
        {
            throw new GateInputException("--sweep runs its own series of points: it does not combine with --shard or --target-precision");
        }

        var slo = ThresholdFiles.Read(path);
        if (slo.Gates.FirstOrDefault(g => g.Delta is not null || g.Metric.EndsWith(LatencyGate.DeltaSuffix, StringComparison.Ordinal)) is { } delta)
        {
            throw new GateInputException($"{path}: gate '{delta.Name}' compares with a baseline; the SLO holds each point to fixed limits (put delta gates such as capacity against a baseline in --thresholds)");
        }

        return slo;
    }

    public static async Task<int> ExecuteAsync(RunSettings settings, GateRun run, RequestExecutor executor, LatencyResults? baseline,
        List<string> warnings, bool terminal, CancellationToken ct)
    {
        var plan = settings.Tuning.Sweep!;
        var slo = ReadSlo(settings);
        var points = new List<SweepPoint>();
        var stopped = "every point was run";
        var interrupted = false;
        var missedInRow = 0;
        for (var i = 0; i < plan.Loads.Count; i++)
        {
            var load = plan.Loads[i];
            var pointSettings = settings with { Plan = PlanFor(settings, plan.Axis, load), SaveResults = null, RequestsLog = null, Shard = null };
            run.Say($"sweep point {i + 1}/{plan.Loads.Count}: {plan.AxisName} {SweepPlan.Format(load)}");
            var (record, snapshot, timeline) = await LatencyRun.MeasureAsync(pointSettings, run, executor, terminal, ct).ConfigureAwait(false);
            var point = Judge(load, record, snapshot.Counts.Succeeded, timeline.Interrupted, slo);
            points.Add(point);
            run.Say($"  {plan.AxisName} {SweepPlan.Format(load)}: {(point.SloMet ? "SLO met" : "SLO missed (" + string.Join("; ", point.Missed) + ")")}");
            if (timeline.Interrupted)
            {
                interrupted = true;
                stopped = "interrupted";
                break;
            }

            missedInRow = point.SloMet ? 0 : missedInRow + 1;
            if (missedInRow >= plan.StopAfter && i < plan.Loads.Count - 1)
            {
                var skipped = string.Join(", ", plan.Loads.Skip(i + 1).Select(SweepPlan.Format));
                stopped = $"stopped past the knee after {missedInRow} point(s) in a row missed the SLO; not run: {plan.AxisName} {skipped}";
                break;
            }
        }

        run.Say(stopped);
        var target = LatencyRun.Target(settings.Endpoint);
        var doc = SweepDocument.Create(run, target, LatencyRun.Load(settings), plan, slo.Path, points, stopped, interrupted);
        if (settings.SaveResults is { } path)
        {
            ResultsDocument.Write(path, doc);
            run.Say($"sweep results written to {path}");
        }

        var results = SweepImporter.Read(JsonDocument.Parse(doc.ToJsonString()).RootElement.Clone(), settings.SaveResults ?? "(not written)", "") with { Warnings = [.. warnings] };
        new SweepSummary(settings.Common.Thresholds is null ? run.Env.Out : run.Env.Error).Write(plan.AxisName, points, doc);
        var tuning = TuningStep.Apply(settings, run, results, baseline, settings.Common.Thresholds);
        return await LatencyReport.GateAndPublishAsync(run, results, baseline, new JsonObject
        {
            ["tuning"] = tuning,
            ["results_file"] = settings.SaveResults,
            ["target"] = target,
            ["sweep"] = doc["sweep"]!.DeepClone(),
            ["capacity"] = doc["capacity"]!.DeepClone(),
            ["knee"] = doc["knee"]!.DeepClone(),
            ["curve"] = new JsonArray([.. points.Select(p => (JsonNode)Curve(p, plan.AxisName))]),
        }, ct).ConfigureAwait(false);
    }

    private static SweepPoint Judge(double load, RunRecord record, long succeeded, bool interrupted, ThresholdSet slo)
    {
        var doc = ResultsDocument.Create(record, null);
        var results = NativeImporter.Read(JsonDocument.Parse(doc.ToJsonString()).RootElement.Clone(), $"(sweep point {SweepPlan.Format(load)})", "");
        var missed = new List<string>();
        if (succeeded == 0)
        {
            missed.Add("no request succeeded");
        }
        else
        {
            missed.AddRange(LatencyGate.Evaluate(slo, results, null).Checks.Where(c => c.Verdict > Verdict.Warn).Select(c => $"{c.Name}: {c.Reason}"));
        }

        if (interrupted)
        {
            missed.Add("interrupted");
        }

        var ceiling = ServerMetrics.ServerSummary.Ceilings(results.Metrics);
        return new SweepPoint(load, missed.Count == 0, missed, results.Metrics, ceiling, results.InvalidReasons.Count == 0);
    }

    private static Load.LoadPlan PlanFor(RunSettings settings, SweepAxis axis, double load) => axis == SweepAxis.Concurrency
        ? settings.Plan with { Concurrency = (int)load, Rate = null }
        : settings.Plan with { Rate = load };

    private static JsonObject Curve(SweepPoint p, string axis)
    {
        var json = p.ToJson(axis);
        json.Remove("metrics");
        return json;
    }
}
