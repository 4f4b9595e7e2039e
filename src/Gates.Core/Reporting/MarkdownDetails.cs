using Gates.Core.Results;

namespace Gates.Core.Reporting;

/// <summary>The collapsed part of the Markdown report: reasons, notes and provenance.</summary>
internal static class MarkdownDetails
{
    public static void Write(GateReport report, TextWriter writer)
    {
        writer.WriteLine("<details>");
        writer.WriteLine("<summary>Reasons, intervals and inputs</summary>");
        writer.WriteLine();
        foreach (var check in report.Checks)
        {
            var metric = string.IsNullOrEmpty(check.Metric) || check.Metric == check.Name ? "" : $" (metric {MarkdownText.Escape(check.Metric)})";
            writer.WriteLine($"- **{MarkdownText.Escape(check.Name)}**{metric}: {ReportText.Upper(check.Verdict)}. {MarkdownText.Escape(check.Reason)}");
            if (!string.IsNullOrWhiteSpace(check.Description))
            {
                writer.WriteLine($"  - {MarkdownText.Escape(check.Description)}");
            }

            foreach (var extra in ReportText.Extras(check))
            {
                writer.WriteLine($"  - {MarkdownText.Escape(extra)}");
            }
        }

        if (report.Checks.Count > 0)
        {
            writer.WriteLine();
        }

        var started = report.StartedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
        writer.WriteLine($"{MarkdownText.Escape(report.Tool.Name)} {MarkdownText.Escape(report.Tool.Version)}, " +
            $"started {started}, took {ReportText.Seconds(report.DurationSeconds)} s.");
        writer.WriteLine();
        var files = report.Thresholds is null ? report.Inputs : [.. report.Inputs, report.Thresholds];
        if (files.Count > 0)
        {
            writer.WriteLine("| Input | Path | sha256 |");
            writer.WriteLine("| --- | --- | --- |");
            foreach (var file in files)
            {
                writer.WriteLine($"| {MarkdownText.Escape(file.Role)} | {MarkdownText.Escape(file.Path)} | {MarkdownText.Escape(Short(file.Sha256))} |");
            }

            writer.WriteLine();
        }

        writer.WriteLine("</details>");
    }

    private static string Short(string sha256) => sha256.Length > 12 ? sha256[..12] : sha256;
}
