using Gates.Cli.Comments;
using Gates.Core.Reporting;
using Gates.Core.Results;

namespace Gates.GateReport;

/// <summary>
/// gate-report's Markdown, for the sticky comment, the step summary and <c>--format markdown</c>: "Promotion
/// gates for &lt;model&gt; &lt;version&gt;: VERDICT", then one row per gate with its verdict, key numbers and a
/// link to the run, then (collapsed) each report's file and sha256. Untrusted text is escaped.
/// </summary>
internal sealed class PromotionMarkdown(bool includeDetails = true) : IReportRenderer
{
    public string Format => "markdown";

    public static string Title(Subject subject)
    {
        var what = string.Join(" ", new[] { subject.Model, subject.Version }.Where(v => !string.IsNullOrWhiteSpace(v)));
        return what.Length == 0 ? "Promotion gates" : $"Promotion gates for {what}";
    }

    public void Render(Core.Results.GateReport report, TextWriter writer)
    {
        writer.WriteLine($"## {MarkdownText.Escape(Title(report.Subject))}: {report.Verdict.ToWord().ToUpperInvariant()}");
        writer.WriteLine();
        var commit = string.IsNullOrWhiteSpace(report.Subject.Commit) ? "" : $"**Commit:** {MarkdownText.Escape(report.Subject.Commit)} · ";
        var gates = report.Checks.Count == 1 ? "1 gate" : $"{report.Checks.Count} gates";
        writer.WriteLine($"{commit}{gates}: {MarkdownText.Escape(KeyNumbers.Counts(report.Checks).Split(": ", 2).Last())}. {MarkdownText.Escape(report.Summary)}");
        writer.WriteLine();
        var details = RunLink.Markdown(RunUrl(report), "run") ?? "–";
        writer.WriteLine("| Gate | Verdict | Key numbers | Details |");
        writer.WriteLine("| --- | --- | --- | --- |");
        foreach (var check in report.Checks)
        {
            var verdict = check.Verdict == Verdict.Pass ? "pass" : $"**{check.Verdict.ToWord().ToUpperInvariant()}**";
            writer.WriteLine($"| {MarkdownText.Escape(check.Name)} | {verdict} | {MarkdownText.Escape(check.Reason)} | {details} |");
        }

        writer.WriteLine();
        foreach (var warning in report.Warnings)
        {
            writer.WriteLine($"> Warning: {MarkdownText.Escape(warning)}");
            writer.WriteLine();
        }

        if (includeDetails && report.Inputs.Count > 0)
        {
            writer.WriteLine("<details>");
            writer.WriteLine("<summary>Reports</summary>");
            writer.WriteLine();
            writer.WriteLine("| Gate | Summary | Report | sha256 |");
            writer.WriteLine("| --- | --- | --- | --- |");
            for (var i = 0; i < report.Checks.Count && i < report.Inputs.Count; i++)
            {
                var input = report.Inputs[i];
                var sha = input.Sha256.Length > 12 ? input.Sha256[..12] : input.Sha256;
                writer.WriteLine($"| {MarkdownText.Escape(report.Checks[i].Name)} | {MarkdownText.Escape(report.Checks[i].Description)} | {MarkdownText.Escape(input.Path)} | {MarkdownText.Escape(sha)} |");
            }

            writer.WriteLine();
            writer.WriteLine("</details>");
        }
    }

    private static string? RunUrl(Core.Results.GateReport report) =>
        report.Details?.GetValueOrDefault(ReportMerger.DetailsKey)?["runUrl"]?.GetValue<string>();
}
