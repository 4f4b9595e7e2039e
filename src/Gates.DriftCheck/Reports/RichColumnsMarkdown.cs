using Gates.Core.Reporting;
using Gates.DriftCheck.Analysis;

namespace Gates.DriftCheck.Reports;

/// <summary>The Markdown table of the methods of text and embedding columns.</summary>
internal static class RichColumnsMarkdown
{
    public static void Write(TextWriter w, DriftResult result)
    {
        var rows = result.Columns.SelectMany(c => (c.Text?.All ?? c.Embedding?.Methods ?? []).Select(m => (Column: c, Method: m))).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        w.WriteLine();
        w.WriteLine("Text and embedding columns:");
        w.WriteLine();
        w.WriteLine("| Column | Method | Statistic | Threshold | p-value | Status | Details |");
        w.WriteLine("| --- | --- | ---: | ---: | ---: | --- | --- |");
        foreach (var (c, m) in rows)
        {
            var p = m.PValue is { } pv ? Words.PValue(pv) : "–";
            w.WriteLine($"| {MarkdownText.Escape(c.Name)} | {MarkdownText.Escape(m.Name)} | {MarkdownText.Escape(m.StatisticName)} {Words.Number(m.Statistic)} | " +
                $"{Words.Number(m.Threshold)} | {p} | {(m.Drift ? "**drift**" : "no drift")} | {MarkdownText.Escape(m.Words)} |");
        }
    }
}
