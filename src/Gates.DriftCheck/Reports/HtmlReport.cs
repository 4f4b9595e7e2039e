using System.Globalization;
using System.Net;
using System.Text;
using Gates.Core.Results;
using Gates.DriftCheck.Analysis;

namespace Gates.DriftCheck.Reports;

/// <summary>
/// A self-contained HTML report: inline CSS and one inline SVG chart per column (reference and current shares side
/// by side), no scripts or files from the network, so it opens anywhere, also as a CI artifact. A tiny inline script
/// only records, after layout, how many charts were drawn (used by the rendering test).
/// </summary>
internal static class HtmlReport
{
    private const int ChartWidth = 640;
    private const int ChartHeight = 160;

    public static string Render(GateReport report, DriftResult result)
    {
        var b = new StringBuilder();
        b.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        b.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        b.Append($"<title>drift-check: {E(report.Verdict.ToWord().ToUpperInvariant())}</title>\n<style>\n{StyleSheet}</style>\n</head>\n<body>\n");
        b.Append($"<h1>drift-check: <span class=\"verdict {report.Verdict.ToWord()}\">{E(report.Verdict.ToWord().ToUpperInvariant())}</span></h1>\n");
        b.Append($"<p>{E(report.Summary)}.</p>\n");
        b.Append($"<p class=\"meta\">reference {E(Input(report, "reference"))} · current {E(Input(report, "current"))} · {E(report.Tool.Name)} {E(report.Tool.Version)}</p>\n");
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

        b.Append("<script>\n(function () {\n  var charts = document.querySelectorAll('svg.chart');\n  var drawn = 0;\n" +
                 "  charts.forEach(function (svg) { var box = svg.getBoundingClientRect(); if (box.width > 0 && box.height > 0 && svg.querySelectorAll('rect.bar').length > 0) { drawn++; } });\n" +
                 "  document.body.setAttribute('data-charts-drawn', String(drawn));\n})();\n</script>\n");
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
            Chart(b, c.Name, h);
        }

        RichColumnsHtml.Render(b, c);
        b.Append("</section>\n");
    }

    /// <summary>Grouped bars: for each bin, the reference share then the current share, with the bin label below.</summary>
    internal static void Chart(StringBuilder b, string name, Histogram h)
    {
        const int top = 10, bottom = 50, left = 40;
        var plotHeight = ChartHeight - top - bottom;
        var slot = (double)(ChartWidth - left - 10) / h.Labels.Count;
        var max = Math.Max(h.Reference.Concat(h.Current).DefaultIfEmpty(0).Max(), 1e-9);
        b.Append($"<svg class=\"chart\" data-column=\"{E(name)}\" role=\"img\" aria-label=\"{E(name)}: reference and current shares\" " +
                 $"viewBox=\"0 0 {ChartWidth} {ChartHeight}\" width=\"{ChartWidth}\" height=\"{ChartHeight}\">\n");
        b.Append($"<text x=\"{left - 4}\" y=\"{top + 4}\" class=\"axis\" text-anchor=\"end\">{E(Words.Percent(max))}</text>\n");
        b.Append($"<line x1=\"{left}\" y1=\"{top + plotHeight}\" x2=\"{ChartWidth - 10}\" y2=\"{top + plotHeight}\" class=\"base\"/>\n");
        for (var i = 0; i < h.Labels.Count; i++)
        {
            var x = left + (i * slot);
            var barWidth = Math.Max(slot * 0.4, 1);
            Bar(b, "ref", x + (slot * 0.1), barWidth, h.Reference[i], max, top, plotHeight, h.Labels[i]);
            Bar(b, "cur", x + (slot * 0.5), barWidth, h.Current[i], max, top, plotHeight, h.Labels[i]);
            if (h.Labels.Count <= 20)
            {
                var label = h.Labels[i].Length > 14 ? h.Labels[i][..13] + "…" : h.Labels[i];
                b.Append($"<text class=\"axis\" transform=\"translate({F(x + (slot / 2))},{top + plotHeight + 8}) rotate(35)\">{E(label)}</text>\n");
            }
        }

        b.Append("</svg>\n");
    }

    private static void Bar(StringBuilder b, string kind, double x, double width, double share, double max, int top, int plotHeight, string label)
    {
        var height = Math.Max(share / max * plotHeight, share > 0 ? 1 : 0);
        var y = top + plotHeight - height;
        b.Append($"<rect class=\"bar {kind}\" x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(width)}\" height=\"{F(height)}\">" +
                 $"<title>{E(label)}: {(kind == "ref" ? "reference" : "current")} {E(Words.Percent(share))}</title></rect>\n");
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

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string StyleSheet =
        "body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #222; }\n" +
        "h1 .verdict.pass { color: #1a7f37; } h1 .verdict.warn, h1 .verdict.inconclusive { color: #9a6700; } h1 .verdict.fail { color: #cf222e; }\n" +
        "table.summary { border-collapse: collapse; margin: 1em 0; } table.summary td, table.summary th { border-bottom: 1px solid #ddd; padding: 0.3em 0.8em; text-align: left; }\n" +
        ".status.drift { color: #cf222e; font-weight: bold; } .status.insufficient { color: #9a6700; } .status.untested { color: #57606a; } .status.ok { color: #1a7f37; }\n" +
        "section.column { border-top: 1px solid #ddd; margin-top: 1.5em; } .meta, .type { color: #57606a; font-size: 0.9em; } .signal { color: #9a6700; }\n" +
        "svg.chart { display: block; max-width: 100%; height: auto; } svg .axis { font-size: 10px; fill: #57606a; } svg .base { stroke: #999; }\n" +
        "rect.ref, .swatch.ref { fill: #8c959f; background: #8c959f; } rect.cur, .swatch.cur { fill: #0969da; background: #0969da; }\n" +
        ".swatch { display: inline-block; width: 0.8em; height: 0.8em; margin: 0 0.3em 0 1em; }\n";
}
