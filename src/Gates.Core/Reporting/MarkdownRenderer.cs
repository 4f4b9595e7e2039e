using Gates.Core.Results;

namespace Gates.Core.Reporting;

/// <summary>
/// The Markdown report for step summaries, PR comments and <c>--format markdown</c>: a "tool: VERDICT" heading,
/// the subject, the summary table, report warnings, then a collapsed &lt;details&gt; section with each check's
/// reason, interval method, p-value, baseline and borderline note, and the inputs with their sha256.
/// Every value that came from outside goes through <see cref="MarkdownText.Escape"/>. A tool may add
/// <paramref name="charts"/> (Markdown blocks such as a mermaid chart, see <see cref="Mermaid.XyChart"/>): they come
/// after the table and warnings, so a comment cut to its length limit loses the charts before any table row.
/// </summary>
public sealed class MarkdownRenderer(bool includeDetails = true, IReadOnlyList<string>? charts = null) : IReportRenderer
{
    public string Format => "markdown";

    public void Render(GateReport report, TextWriter writer)
    {
        writer.WriteLine($"## {MarkdownText.Escape(report.Tool.Name)}: {ReportText.Upper(report.Verdict)}");
        writer.WriteLine();
        var subject = Subject(report.Subject);
        if (subject.Length > 0)
        {
            writer.WriteLine(subject);
            writer.WriteLine();
        }

        writer.WriteLine($"{ReportText.Counts(report.Checks)}. {MarkdownText.Escape(report.Summary)}".TrimEnd());
        writer.WriteLine();
        if (report.Checks.Count > 0)
        {
            WriteTable(writer, report.Checks);
            writer.WriteLine();
        }

        foreach (var warning in report.Warnings)
        {
            writer.WriteLine($"> Warning: {MarkdownText.Escape(warning)}");
            writer.WriteLine();
        }

        foreach (var chart in charts ?? [])
        {
            writer.Write(chart.TrimEnd('\n'));
            writer.WriteLine();
            writer.WriteLine();
        }

        if (includeDetails)
        {
            MarkdownDetails.Write(report, writer);
        }
    }

    private static string Subject(Subject subject)
    {
        var parts = new List<string>();
        Add(parts, "Model", subject.Model);
        Add(parts, "Version", subject.Version);
        Add(parts, "Commit", subject.Commit);
        return string.Join(" · ", parts);
    }

    private static void Add(List<string> parts, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            parts.Add($"**{label}:** {MarkdownText.Escape(value)}");
        }
    }

    private static void WriteTable(TextWriter writer, IReadOnlyList<CheckResult> checks)
    {
        writer.WriteLine("| Verdict | Check | Observed | Threshold | Interval | n |");
        writer.WriteLine("| --- | --- | ---: | --- | --- | ---: |");
        foreach (var check in checks)
        {
            var verdict = check.Verdict == Verdict.Pass ? "pass" : $"**{ReportText.Upper(check.Verdict)}**";
            verdict += check.Borderline && check.Verdict != Verdict.Inconclusive ? " (borderline)" : "";
            var name = MarkdownText.Escape(check.Name) + (check.Required ? "" : " (advisory)");
            var observed = ReportText.Value(check) is { Length: > 0 } value ? value : "–";
            // Our own wording holds < and > (comparison symbols) and brackets, so it is escaped like the rest.
            var threshold = MarkdownText.Escape(ReportText.Threshold(check));
            var interval = MarkdownText.Escape(ReportText.Interval(check.Interval));
            writer.WriteLine($"| {verdict} | {name} | {observed} | {threshold} | {interval} | {ReportText.Count(check.N)} |");
        }
    }
}
