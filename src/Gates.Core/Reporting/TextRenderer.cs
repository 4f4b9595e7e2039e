using Gates.Core.Results;

namespace Gates.Core.Reporting;

/// <summary>
/// The console report: a heading line, one table row per check (verdict, check, observed, threshold, interval, n),
/// the reasons for every check that did not simply pass, report warnings, and one overall line. Every line starts
/// with text of ours, never with a value from the input, so a hostile name cannot pose as a CI log command.
/// </summary>
public sealed class TextRenderer : IReportRenderer
{
    private static readonly string[] Header = ["verdict", "check", "observed", "threshold", "interval", "n"];

    public string Format => "text";

    public void Render(GateReport report, TextWriter writer)
    {
        writer.WriteLine(Heading(report));
        writer.WriteLine();
        if (report.Checks.Count > 0)
        {
            WriteTable(writer, report.Checks.Select(Row).Prepend(Header).ToList());
            writer.WriteLine();
        }

        var explained = report.Checks.Where(c => c.Verdict != Verdict.Pass || c.Borderline).ToList();
        var width = explained.Count == 0 ? 0 : explained.Max(c => c.Verdict.ToWord().Length);
        foreach (var check in explained)
        {
            var name = UntrustedText.SingleLine(check.Name);
            writer.WriteLine($"{check.Verdict.ToWord().PadRight(width)}  {name}: {UntrustedText.SingleLine(check.Reason)}");
        }

        if (explained.Count > 0)
        {
            writer.WriteLine();
        }

        foreach (var warning in report.Warnings)
        {
            writer.WriteLine("warning: " + UntrustedText.SingleLine(warning));
        }

        var summary = UntrustedText.SingleLine(report.Summary);
        var overall = $"Overall: {ReportText.Upper(report.Verdict)} ({ReportText.Counts(report.Checks)})";
        writer.WriteLine(summary.Length == 0 ? overall : $"{overall}. {summary}");
    }

    private static string Heading(GateReport report)
    {
        var parts = new List<string> { $"{UntrustedText.SingleLine(report.Tool.Name)} {UntrustedText.SingleLine(report.Tool.Version)}" };
        AddPart(parts, "model", report.Subject.Model);
        AddPart(parts, "version", report.Subject.Version);
        AddPart(parts, "commit", report.Subject.Commit);
        return string.Join(", ", parts);
    }

    private static void AddPart(List<string> parts, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            parts.Add($"{label} {UntrustedText.SingleLine(value)}");
        }
    }

    private static string[] Row(CheckResult check) =>
    [
        check.Verdict.ToWord(),
        UntrustedText.SingleLine(check.Name) + (check.Required ? "" : " (advisory)"),
        ReportText.Value(check) is { Length: > 0 } value ? value : "-",
        ReportText.Threshold(check),
        ReportText.Interval(check.Interval),
        ReportText.Count(check.N),
    ];

    private static void WriteTable(TextWriter writer, IReadOnlyList<string[]> rows)
    {
        var widths = Enumerable.Range(0, Header.Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
        {
            var cells = row.Select((cell, i) => cell.PadRight(widths[i]));
            writer.WriteLine(string.Join("  ", cells).TrimEnd());
        }
    }
}
