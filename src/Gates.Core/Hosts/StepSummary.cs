using System.Text;
using Gates.Core.Reporting;
using Gates.Core.Results;

namespace Gates.Core.Hosts;

/// <summary>
/// The Markdown appended to <c>$GITHUB_STEP_SUMMARY</c>. GitHub drops a step's whole summary when the file
/// passes 1 MiB, so this stays under <see cref="LimitBytes"/> counting what the step already wrote: the full
/// report, else the report without its details section, else a short note pointing to the JSON report.
/// </summary>
public static class StepSummary
{
    /// <summary>Headroom under GitHub's 1 MiB (1,048,576 bytes) per-step limit.</summary>
    public const long LimitBytes = 1_000_000;

    /// <param name="markdown">The Markdown renderer with (true) or without (false) details; by default <see cref="MarkdownRenderer"/>.</param>
    public static string Build(GateReport report, long bytesAlreadyWritten = 0, long limitBytes = LimitBytes,
        Func<bool, IReportRenderer>? markdown = null)
    {
        var room = limitBytes - bytesAlreadyWritten;
        markdown ??= details => new MarkdownRenderer(details);
        foreach (var renderer in new[] { markdown(true), markdown(false) })
        {
            var text = renderer.RenderToString(report);
            if (Encoding.UTF8.GetByteCount(text) <= room)
            {
                return text;
            }
        }

        var note = $"## {MarkdownText.Escape(report.Tool.Name)}: {report.Verdict.ToWord().ToUpperInvariant()}\n\n" +
            "The full report is too large for the step summary; see the JSON report (--report-json).\n";
        return Encoding.UTF8.GetByteCount(note) <= room ? note : "";
    }
}
