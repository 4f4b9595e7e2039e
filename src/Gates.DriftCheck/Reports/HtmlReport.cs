using System.Net;
using System.Text;
using Gates.Core.Charts;
using Gates.Core.Results;
using Gates.DriftCheck.Analysis;

namespace Gates.DriftCheck.Reports;

/// <summary>
/// A self-contained HTML report: inline CSS, a dataset overview (the share of drifted columns against the limit) and
/// one inline SVG chart per column (reference and current shares side by side), drawn by <see cref="DriftCharts"/> on
/// the shared SVG writer; no scripts or files from the network, so it opens anywhere, also as a CI artifact.
/// </summary>
internal static class HtmlReport
{
    public static string Render(GateReport report, DriftResult result)
    {
        var b = new StringBuilder();
        b.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        b.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        b.Append($"<title>drift-check: {E(report.Verdict.ToWord().ToUpperInvariant())}</title>\n<style>\n{StyleSheet}{ChartCss.Style}</style>\n</head>\n<body>\n");
        b.Append($"<h1>drift-check: <span class=\"verdict {report.Verdict.ToWord()}\">{E(report.Verdict.ToWord().ToUpperInvariant())}</span></h1>\n");
        b.Append($"<p>{E(report.Summary)}.</p>\n");
        b.Append($"<p class=\"meta\">reference {E(Input(report, "reference"))} · current {E(Input(report, "current"))} · {E(report.Tool.Name)} {E(report.Tool.Version)}</p>\n");
        b.Append("<section class=\"overview\" id=\"dataset-overview-section\">\n<h2>Dataset overview</h2>\n").Append(DriftCharts.Overview(result, report.Checks)).Append("</section>\n");
        b.Append("<p class=\"legend\"><span class=\"swatch ref\"></span>reference <span class=\"swatch cur\"></span>current</p>\n");
        b.Append("<table class=\"summary\">\n<thead><tr><th>Column</th><th>Type</th><th>Status</th><th>Change</th></tr></thead>\n<tbody>\n");
        foreach (var c in result.Columns)
        {
            b.Append($"<tr><td><a href=\"#{Anchor(c.Name)}\">{E(c.Name)}</a></td><td>{E(c.Type)}</td><td class=\"status {Css(c.Status)}\">{E(c.Status.ToWord())}</td>" +
                     $"<td>{E(c.Status == ColumnStatus.NotTested ? c.Reason : c.Effect ?? "")}</td></tr>\n");
        }

        b.Append("</tbody>\n</table>\n");
        foreach (var c in result.Columns)
        {
            Column(b, c);
        }

        b.Append("</body>\n</html>\n");
        return b.ToString();
    }

    private static void Column(StringBuilder b, ColumnResult c)
    {
        b.Append($"<section class=\"column\" id=\"{Anchor(c.Name)}\">\n<h2>{E(c.Name)} <span class=\"status {Css(c.Status)}\">{E(c.Status.ToWord())}</span></h2>\n");
        b.Append($"<p class=\"type\">{E(c.Type)}{(c.Critical ? ", critical" : "")}: {E(c.TypeReason)}</p>\n");
        b.Append($"<p>{E(c.Reason)}</p>\n");
        if (c.Effect is { } effect)
        {
            b.Append($"<p class=\"effect\">{E(effect)}</p>\n");
        }

        if (c.Method is { } method)
        {
            var p = c.AdjustedPValue ?? c.PValue;
            b.Append($"<p class=\"meta\">{E(method)} · {E(c.StatisticName ?? "")} {Num(c.Statistic)} (threshold {E(DriftMarkdown.Symbol(c.DriftWhen))} {Num(c.Threshold)})" +
                     $"{(p is { } pv ? $" · p = {E(Words.PValue(pv))}" : "")} · n {E(Words.Count(c.ReferenceCount))} reference / {E(Words.Count(c.CurrentCount))} current</p>\n");
        }

        foreach (var signal in c.Signals.Where(s => s.Fired))
        {
            var examples = signal.Examples.Count > 0 ? ": " + string.Join(", ", signal.Examples) : "";
            b.Append($"<p class=\"signal\">{E(signal.Name)}: {E(signal.Words + examples)}</p>\n");
        }

        foreach (var note in c.Notes)
        {
            b.Append($"<p class=\"meta\">{E(note)}</p>\n");
        }

        if (c.Histogram is { } h && h.Labels.Count > 0)
        {
            b.Append(DriftCharts.Column(c.Name, h));
        }

        RichColumnsHtml.Render(b, c);
        b.Append("</section>\n");
    }

    private static string Input(GateReport report, string role) => report.Inputs.FirstOrDefault(i => i.Role == role)?.Path is { } p ? Path.GetFileName(p) : "";

    private static string Css(ColumnStatus status) => status switch
    {
        ColumnStatus.Drift => "drift",
        ColumnStatus.InsufficientData => "insufficient",
        ColumnStatus.NotTested => "untested",
        _ => "ok",
    };

    private static string Anchor(string name) => "col-" + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(name));

    private static string Num(double? v) => v is { } x ? E(Words.Number(x)) : "–";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string StyleSheet =
        "body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #222; }\n" +
        "h1 .verdict.pass { color: #1a7f37; } h1 .verdict.warn, h1 .verdict.inconclusive { color: #9a6700; } h1 .verdict.fail { color: #cf222e; }\n" +
        "table.summary { border-collapse: collapse; margin: 1em 0; } table.summary td, table.summary th { border-bottom: 1px solid #ddd; padding: 0.3em 0.8em; text-align: left; }\n" +
        ".status.drift { color: #cf222e; font-weight: bold; } .status.insufficient { color: #9a6700; } .status.untested { color: #57606a; } .status.ok { color: #1a7f37; }\n" +
        "section.column { border-top: 1px solid #ddd; margin-top: 1.5em; } .meta, .type { color: #57606a; font-size: 0.9em; } .signal { color: #9a6700; }\n" +
        ".swatch.ref { background: repeating-linear-gradient(135deg, #8c959f 0 3px, #57606a 3px 4px); } .swatch.cur { background: #0969da; }\n" +
        ".swatch { display: inline-block; width: 0.8em; height: 0.8em; margin: 0 0.3em 0 1em; }\n";
}
