using System.Globalization;
using System.Text.Json.Nodes;
using Gates.Core.Charts;
using Gates.Core.Reporting;
using Gates.Core.Results;

namespace Gates.EvalGate.Report;

/// <summary>
/// eval-gate's sections of the --html page: forest plots of the gates (value, interval, threshold, warn tier,
/// baseline, paired delta), then the paired comparisons and the per-item breakdowns (worst items, repeats) as tables,
/// read from the report's "eval-gate" details.
/// </summary>
internal static class EvalHtml
{
    public static IReportRenderer Renderer() => new HtmlRenderer(Sections);

    public static IReadOnlyList<HtmlSection> Sections(GateReport report)
    {
        var sections = new List<HtmlSection>();
        var groups = ForestGroups.Of(report.Checks);
        var charts = groups.Select((g, i) => IntervalChart.Render($"forest-{i}", g.Title, g.Checks)).OfType<string>().ToList();
        if (charts.Count > 0)
        {
            const string intro = "<p>Each row is a gate: its value (circle pass, triangle warn, diamond inconclusive, cross fail) and interval; " +
                "the dashed line is the threshold, the hatched side fails, the dotted zone warns; a ring is the baseline, the dash-dot line no change.</p>\n";
            sections.Add(new HtmlSection("Gates against their thresholds", intro + string.Concat(charts), "forest", SectionPlacement.BeforeChecks));
        }

        var details = report.Details?.GetValueOrDefault(EvalGateCommand.Name) as JsonObject;
        if (details?["pairedComparisons"] is JsonArray { Count: > 0 } paired)
        {
            var rows = paired.OfType<JsonObject>().Select(p => (IReadOnlyList<string>)
                [Text(p["metric"]), Text(p["method"]), Text(p["matchedItems"]), Text(p["currentOnly"]), Text(p["baselineOnly"]),
                 Text(p["currentOnlyCorrect"]), Text(p["baselineOnlyCorrect"]), Text(p["pValue"])]);
            sections.Add(new HtmlSection("Paired comparisons", HtmlTable.Render(
                ["Metric", "Method", "Matched items", "Only in current", "Only in baseline", "Right only now", "Right only before", "p"], rows), "paired"));
        }

        if (details?["perItem"] is JsonArray { Count: > 0 } perItem)
        {
            var tables = perItem.OfType<JsonObject>().Select(PerItemTable);
            sections.Add(new HtmlSection("Per-item breakdown: worst items and repeats", string.Concat(tables), "per-item"));
        }

        return sections;
    }

    private static string PerItemTable(JsonObject gate)
    {
        var caption = $"{Text(gate["gate"])}: {Text(gate["metric"])} per item ({Text(gate["rule"])}), {Text(gate["items"])} items, " +
                      $"{Text(gate["runs"])} runs, {Text(gate["flakyItems"])} flaky";
        var rows = (gate["worstItems"] as JsonArray ?? []).OfType<JsonObject>().Select(i => (IReadOnlyList<string>)
            [Text(i["id"]), Text(i["label"]), $"{Text(i["passes"])} of {Text(i["runs"])}", Verdict(i)]);
        return HtmlTable.Render(["Item", "Label", "Passed runs", "Outcome"], rows, caption);
    }

    private static string Verdict(JsonObject item)
    {
        var (passes, runs) = (Number(item["passes"]), Number(item["runs"]));
        return passes == runs ? "always passed" : passes == 0 ? "never passed" : "flaky";
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue when node.GetValueKind() == System.Text.Json.JsonValueKind.Number => SvgText.Number(Number(node)),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    private static double Number(JsonNode? node) =>
        node?.GetValueKind() == System.Text.Json.JsonValueKind.Number ? double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture) : 0;
}
