using Gates.Core.Reporting;
using Gates.Core.Results;
using Gates.DriftCheck.Analysis;

namespace Gates.DriftCheck.Reports;

/// <summary>
/// The drift report in Markdown, for <c>--format markdown</c>, the step summary and the pull-request comment:
/// verdict and summary, the dataset checks, one table row per column (method, statistic, threshold, p-value,
/// n reference/current, status, the change in plain words) and the signals that fired; with details, why each
/// column drifted or lacks data, and the inputs. Every value that came from the data is escaped.
/// </summary>
internal sealed class DriftMarkdown(DriftResult result, bool includeDetails = true) : IReportRenderer
{
    public string Format => "markdown";

    public static string Render(GateReport report, DriftResult result) => new DriftMarkdown(result).RenderToString(report);

    public void Render(GateReport report, TextWriter writer)
    {
        var w = new StringWriter { NewLine = "\n" };
        w.WriteLine($"## drift-check: {report.Verdict.ToWord().ToUpperInvariant()}");
        w.WriteLine();
        var subject = string.Join(" · ", new[] { ("Model", report.Subject.Model), ("Version", report.Subject.Version), ("Commit", report.Subject.Commit) }
            .Where(x => !string.IsNullOrWhiteSpace(x.Item2)).Select(x => $"**{x.Item1}:** {MarkdownText.Escape(x.Item2)}"));
        if (subject.Length > 0)
        {
            w.WriteLine(subject);
            w.WriteLine();
        }

        w.WriteLine(MarkdownText.Escape(report.Summary) + ".");
        w.WriteLine();
        var columnChecks = result.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var check in report.Checks.Where(c => !columnChecks.Contains(c.Name) && !result.Columns.Any(col => c.Name.StartsWith(col.Name + ": ", StringComparison.Ordinal))))
        {
            w.WriteLine($"- **{MarkdownText.Escape(check.Name)}**: {Verdict(check.Verdict)}. {MarkdownText.Escape(check.Reason)}");
        }

        w.WriteLine();
        w.WriteLine("| Column | Type | Method | Statistic | Threshold | p-value | n ref / cur | Status | Change |");
        w.WriteLine("| --- | --- | --- | ---: | --- | ---: | ---: | --- | --- |");
        foreach (var c in result.Columns.OrderBy(Order).ThenBy(c => c.Name, StringComparer.Ordinal))
        {
            var name = MarkdownText.Escape(c.Name) + (c.Critical ? " (critical)" : "");
            var statistic = c.Statistic is { } s ? Words.Number(s) : "–";
            var threshold = c.Threshold is { } t ? $"{Symbol(c.DriftWhen)} {Words.Number(t)}" : "–";
            var p = c.AdjustedPValue ?? c.PValue;
            var pText = p is { } pv ? Words.PValue(pv) : "–";
            var status = c.Status is ColumnStatus.Drift or ColumnStatus.InsufficientData ? $"**{c.Status.ToWord()}**" : c.Status.ToWord();
            var change = c.Status == ColumnStatus.NotTested ? c.Reason : c.Effect ?? "";
            w.WriteLine($"| {name} | {c.Type} | {MarkdownText.Escape(c.Method ?? "–")} | {statistic} | {MarkdownText.Escape(threshold)} | {pText} | " +
                $"{Words.Count(c.ReferenceCount)} / {Words.Count(c.CurrentCount)} | {status} | {MarkdownText.Escape(change)} |");
        }

        var adjusted = result.Columns.Count(c => c.AdjustedPValue is not null);
        if (adjusted > 0)
        {
            w.WriteLine();
            w.WriteLine($"p-values adjusted by Benjamini–Hochberg across the {adjusted} compared columns.");
        }

        var fired = result.Columns.SelectMany(c => c.Signals.Where(s => s.Fired).Select(s => (Column: c.Name, Signal: s))).ToList();
        if (fired.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("Beyond the distributions:");
            w.WriteLine();
            foreach (var (column, signal) in fired)
            {
                var examples = signal.Examples.Count > 0 ? ": " + string.Join(", ", signal.Examples) : "";
                w.WriteLine($"- **{MarkdownText.Escape(column)}** {signal.Name} ({signal.Severity.ToString().ToLowerInvariant()}): {MarkdownText.Escape(signal.Words + examples)}");
            }
        }

        RichColumnsMarkdown.Write(w, result);
        foreach (var warning in report.Warnings)
        {
            w.WriteLine();
            w.WriteLine($"> Warning: {MarkdownText.Escape(warning)}");
        }

        var explained = result.Columns.Where(c => c.Status is ColumnStatus.Drift or ColumnStatus.InsufficientData).ToList();
        if (includeDetails)
        {
            w.WriteLine();
            w.WriteLine("<details>");
            w.WriteLine("<summary>Why, and the inputs</summary>");
            w.WriteLine();
            foreach (var c in explained)
            {
                w.WriteLine($"- **{MarkdownText.Escape(c.Name)}**: {MarkdownText.Escape(c.Reason)}");
            }

            w.WriteLine();
            w.WriteLine("| Input | Path | sha256 |");
            w.WriteLine("| --- | --- | --- |");
            foreach (var file in report.Thresholds is null ? report.Inputs : [.. report.Inputs, report.Thresholds])
            {
                w.WriteLine($"| {MarkdownText.Escape(file.Role)} | {MarkdownText.Escape(Path.GetFileName(file.Path))} | {MarkdownText.Escape(file.Sha256[..Math.Min(12, file.Sha256.Length)])} |");
            }

            w.WriteLine();
            w.WriteLine("</details>");
        }

        writer.Write(w.ToString());
    }

    private static int Order(ColumnResult c) => c.Status switch
    {
        ColumnStatus.Drift => 0,
        ColumnStatus.InsufficientData => 1,
        ColumnStatus.NotTested => 3,
        _ => 2,
    };

    public static string Symbol(string? when) => when switch { "lte" => "≤", "lt" => "<", "gte" => "≥", _ => "" };

    private static string Verdict(Verdict v) => v == Core.Results.Verdict.Pass ? "pass" : $"**{v.ToWord().ToUpperInvariant()}**";
}
