using System.Text.Json.Nodes;
using Gates.CanaryValidate.Analysis;
using Gates.CanaryValidate.Config;
using Gates.CanaryValidate.Target;

namespace Gates.CanaryValidate.Report;

/// <summary>The tool-specific section of the gate report: decision, target, settings, timeline of looks and actions.</summary>
internal static class CanaryDetails
{
    public static JsonObject For(CanaryConfig config, AnalysisOutcome outcome, IReadOnlyList<ActionRecord> actions)
    {
        var plan = config.Plan;
        return new JsonObject
        {
            ["decision"] = outcome.Decision.ToString().ToLowerInvariant(),
            ["reason"] = outcome.Reason,
            ["stoppedEarly"] = outcome.StoppedEarly,
            ["elapsedSeconds"] = outcome.Elapsed.TotalSeconds,
            ["target"] = outcome.Target is { } t
                ? new JsonObject
                {
                    ["kind"] = t.Kind,
                    ["mode"] = t.Mode,
                    ["namespace"] = t.Namespace,
                    ["canary"] = t.CanaryName,
                    ["baseline"] = t.BaselineName,
                    ["ready"] = t.CanaryReady,
                    ["restarts"] = t.CanaryRestarts,
                    ["configuredCanaryShare"] = t.ConfiguredCanaryShare,
                    ["routedCanaryShare"] = t.RoutedCanaryShare,
                }
                : null,
            ["analysis"] = new JsonObject
            {
                ["template"] = config.Template.Name,
                ["durationSeconds"] = plan.Duration.TotalSeconds,
                ["intervalSeconds"] = plan.Interval.TotalSeconds,
                ["warmupSeconds"] = plan.Warmup.TotalSeconds,
                ["alpha"] = plan.Alpha,
                ["alphaPerGate"] = plan.GateAlpha,
                ["minSamples"] = plan.MinSamples,
                ["onNoData"] = plan.OnNoData.ToString().ToLowerInvariant(),
                ["expectedCanaryShare"] = plan.ExpectedShare,
            },
            ["canaryRequestsPerMinute"] = outcome.CanaryRequestsPerMinute,
            ["srmPValue"] = outcome.SrmPValue,
            ["looks"] = new JsonArray([.. outcome.Looks.Select(Look)]),
            ["gates"] = new JsonArray([.. GateTimeline.From(plan, outcome).Select(t => (JsonNode)t.ToJson())]),
            ["actions"] = new JsonArray([.. actions.Select(a => (JsonNode)a.ToJson())]),
        };
    }

    private static JsonNode Look(LookRecord look) => new JsonObject
    {
        ["look"] = look.Number,
        ["at"] = look.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["windowSeconds"] = look.Window.TotalSeconds,
        ["traffic"] = look.Traffic is { } t ? new JsonObject { ["canary"] = t.Canary, ["baseline"] = t.Baseline } : null,
        ["gates"] = new JsonArray([.. look.Gates.Select(g => (JsonNode)new JsonObject
        {
            ["gate"] = g.Gate,
            ["status"] = ProgressLine.Word(g.Status).ToLowerInvariant(),
            ["value"] = Finite(g.Value),
            ["canary"] = Finite(g.Canary),
            ["baseline"] = Finite(g.Baseline),
            ["low"] = Finite(g.Interval?.Low),
            ["high"] = Finite(g.Interval?.High),
            ["canaryN"] = g.CanaryN,
            ["baselineN"] = g.BaselineN,
            ["neededCanaryN"] = g.NeededCanaryN,
        })]),
    };

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
