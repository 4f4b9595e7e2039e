using System.Text.Json.Nodes;
using Gates.Core.Reporting;
using Gates.Core.Results;

namespace Gates.ManifestBump.Html;

/// <summary>
/// manifest-bump's sections of the --html page, read from the report's details: the version before and after, the
/// pull request, every target value before and after, the diff, and the gate reports given as evidence. No chart.
/// </summary>
internal static class BumpHtml
{
    public static IReportRenderer Renderer() => new HtmlRenderer(Sections);

    public static IReadOnlyList<HtmlSection> Sections(GateReport report)
    {
        if (report.Details?.GetValueOrDefault(ManifestBumpCommand.Name) is not JsonObject d)
        {
            return [];
        }

        var sections = new List<HtmlSection>();
        var facts = new (string, string)[]
        {
            ("outcome", Text(d["outcome"])), ("version before", Text(d["previousVersion"])), ("version after", Text(d["version"])),
            ("source", Text(d["source"])), ("branch", Text(d["branch"])), ("pull request", PullRequest(d["pullRequest"])),
        };
        sections.Add(new HtmlSection("What changed", HtmlTable.Render(["", "value"],
            facts.Where(f => f.Item2.Length > 0).Select(f => (IReadOnlyList<string>)[f.Item1, f.Item2])), "what-changed", SectionPlacement.BeforeChecks));

        if (d["changes"] is JsonArray { Count: > 0 } changes)
        {
            var rows = changes.OfType<JsonObject>().Select(c => (IReadOnlyList<string>)
                [Text(c["file"]), Text(c["line"]), Text(c["target"]), Text(c["old"]), Text(c["new"]), Text(c["status"]), Text(c["note"])]);
            sections.Add(new HtmlSection("Before and after", HtmlTable.Render(["File", "Line", "Target", "Before", "After", "Status", "Note"], rows), "before-after"));
        }

        if (Text(d["diff"]) is { Length: > 0 } diff)
        {
            sections.Add(new HtmlSection("Diff", $"<pre>{System.Net.WebUtility.HtmlEncode(diff)}</pre>\n", "diff"));
        }

        if (d["evidence"] is JsonArray { Count: > 0 } evidence)
        {
            var rows = evidence.OfType<JsonObject>().Select(e => (IReadOnlyList<string>)[Text(e["tool"]), Text(e["verdict"]), Text(e["path"]), Text(e["sha256"])]);
            sections.Add(new HtmlSection("Evidence", HtmlTable.Render(["Tool", "Verdict", "Report", "sha256"], rows), "evidence"));
        }

        return sections;
    }

    private static string PullRequest(JsonNode? pr) =>
        pr is JsonObject o ? $"#{Text(o["number"])} {Text(o["url"])}".Trim() : "";

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };
}
