using System.Net;
using System.Text;
using Gates.DriftCheck.Analysis;

namespace Gates.DriftCheck.Reports;

/// <summary>
/// The HTML part of a text or embedding column: a table of its methods (statistic, threshold, p-value, verdict) and,
/// for text, one chart per descriptor drawn by <see cref="HtmlReport"/>'s chart code.
/// </summary>
internal static class RichColumnsHtml
{
    public static void Render(StringBuilder b, ColumnResult c)
    {
        var methods = c.Text?.All.ToList() ?? c.Embedding?.Methods.ToList();
        if (methods is null)
        {
            return;
        }

        var title = c.Text is not null ? "Text descriptors and domain classifier" : $"Embedding drift ({Words.Count(c.Embedding!.Dimension)} dimensions)";
        b.Append($"<h3>{E(title)}</h3>\n<table class=\"summary methods\">\n<thead><tr><th>Method</th><th>Statistic</th><th>Threshold</th><th>p-value</th><th>Status</th><th>Details</th></tr></thead>\n<tbody>\n");
        foreach (var m in methods)
        {
            var status = m.Drift ? "drift" : "no drift";
            b.Append($"<tr data-method=\"{E(m.Name)}\"><td>{E(m.Name)}</td><td>{E(m.StatisticName)} {E(Words.Number(m.Statistic))}</td><td>{E(Words.Number(m.Threshold))}</td>" +
                     $"<td>{(m.PValue is { } p ? E(Words.PValue(p)) : "–")}</td><td class=\"status {(m.Drift ? "drift" : "ok")}\">{status}</td><td>{E(m.Words)}</td></tr>\n");
        }

        b.Append("</tbody>\n</table>\n");
        foreach (var m in methods.Where(m => m.Histogram is { Labels.Count: > 0 }))
        {
            b.Append($"<p class=\"meta\">{E(m.Name)}</p>\n");
            b.Append(DriftCharts.Column($"{c.Name}: {m.Name}", m.Histogram!));
        }
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
