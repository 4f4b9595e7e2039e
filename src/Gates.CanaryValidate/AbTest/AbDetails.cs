using System.Text.Json.Nodes;

namespace Gates.CanaryValidate.AbTest;

/// <summary>The tool section of an experiment's report: decision, look k of K, what remains, settings and every look.</summary>
internal static class AbDetails
{
    public static JsonObject For(AbTestDefinition test, AbSchedule schedule, AbOutcome outcome) => new()
    {
        ["mode"] = "ab-test",
        ["experiment"] = test.Name,
        ["namespace"] = test.Namespace,
        ["decision"] = outcome.Decision.ToString().ToLowerInvariant(),
        ["reason"] = outcome.Reason,
        ["look"] = outcome.Look,
        ["totalLooks"] = outcome.TotalLooks,
        ["remainingSeconds"] = outcome.Remaining.TotalSeconds,
        ["startedAt"] = schedule.Start.ToString("O"),
        ["endsAt"] = schedule.End.ToString("O"),
        ["arms"] = new JsonObject
        {
            ["control"] = new JsonObject { ["model"] = test.Control.Label, ["weight"] = test.Control.Weight },
            ["treatment"] = new JsonObject { ["model"] = test.Treatment.Label, ["weight"] = test.Treatment.Weight },
        },
        ["analysis"] = new JsonObject
        {
            ["method"] = test.Settings.FixedHorizon ? "fixed-horizon" : "anytime-valid",
            ["intervalSeconds"] = test.Settings.Interval.TotalSeconds,
            ["alpha"] = test.Settings.Alpha,
            ["power"] = test.Settings.Power,
            ["minSamples"] = test.Settings.MinSamples,
            ["secondaryMargin"] = test.Settings.Margin,
            ["secondary"] = test.Settings.Secondary == SecondaryMode.Report ? "report" : "noninferiority",
            ["armLabel"] = test.Settings.ArmLabel,
            ["plannedControl"] = outcome.PlannedUnits is { Control: < long.MaxValue } p ? p.Control : null,
            ["plannedTreatment"] = outcome.PlannedUnits is { Treatment: < long.MaxValue } q ? q.Treatment : null,
        },
        ["srmPValue"] = outcome.SrmPValue,
        ["looks"] = new JsonArray([.. outcome.Looks.Select(Look)]),
    };

    private static JsonNode Look(AbLook look) => new JsonObject
    {
        ["look"] = look.Number,
        ["at"] = look.At.ToString("O"),
        ["controlUnits"] = look.Traffic?.Control,
        ["treatmentUnits"] = look.Traffic?.Treatment,
        ["metrics"] = new JsonArray([.. look.Metrics.Select(m => (JsonNode)new JsonObject
        {
            ["metric"] = m.Metric,
            ["role"] = m.Role,
            ["status"] = m.Status.ToString().ToLowerInvariant(),
            ["control"] = Finite(m.Result?.Control),
            ["treatment"] = Finite(m.Result?.Treatment),
            ["low"] = Finite(m.Result?.Contrast.Low),
            ["high"] = Finite(m.Result?.Contrast.High),
            ["controlN"] = m.ControlN,
            ["treatmentN"] = m.TreatmentN,
        })]),
        ["guardrails"] = new JsonArray([.. look.Guardrails.Select(g => (JsonNode)new JsonObject
        {
            ["metric"] = g.Metric,
            ["value"] = Finite(g.Value),
            ["n"] = g.N,
            ["breached"] = g.Breached,
        })]),
    };

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
