using System.Net;
using Gates.Core.Charts;
using Gates.Core.Results;

namespace Gates.Core.Reporting;

/// <summary>
/// A self-contained HTML page of any report, for <c>--html</c> in tools without an HTML report of their own:
/// verdict and summary, one table row per check (verdict, check, observed, threshold, reason), warnings and inputs.
/// A tool adds its own sections (charts, breakdown tables) through <see cref="HtmlRenderer(Func{GateReport, IReadOnlyList{HtmlSection}})"/>.
/// Inline CSS only, no scripts, nothing from the network; every value from the report is HTML-encoded.
/// </summary>
public sealed class HtmlRenderer : IReportRenderer
{
    private readonly Func<GateReport, IReadOnlyList<HtmlSection>> sections;

    public HtmlRenderer()
        : this(_ => [])
    {
    }

    /// <param name="sections">The tool's sections for a report, placed above or below the table of checks.</param>
    public HtmlRenderer(Func<GateReport, IReadOnlyList<HtmlSection>> sections)
    {
        this.sections = sections;
    }

    private const string Style = "body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2328}table{border-collapse:collapse}" +
        "td,th{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:left}.pass{color:#1a7f37}.warn{color:#9a6700}" +
        ".fail{color:#cf222e}.inconclusive,.not-evaluated{color:#57606a}caption{text-align:left;font-weight:600;padding:.3rem 0}" +
        "section{margin-top:1.5rem}body{max-width:70rem}\n" + ChartCss.Style;

    public string Format => "html";

    public void Render(GateReport report, TextWriter writer)
    {
        var verdict = report.Verdict.ToWord();
        var title = $"{report.Tool.Name}: {verdict.ToUpperInvariant()}";
        writer.Write($"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{E(title)}</title>\n<style>{Style}</style>\n</head>\n<body>\n");
        writer.Write($"<h1>{E(report.Tool.Name)}: <span class=\"{E(verdict)}\">{E(verdict.ToUpperInvariant())}</span></h1>\n");
        writer.Write($"<p>{E(report.Summary)}</p>\n");
        var subject = new[] { ("model", report.Subject.Model), ("version", report.Subject.Version), ("commit", report.Subject.Commit) }
            .Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => $"{p.Item1} {E(p.Item2)}");
        writer.Write($"<p>{string.Join(" · ", subject.Prepend($"{E(report.Tool.Name)} {E(report.Tool.Version)}"))}</p>\n");
        var extra = sections(report);
        Sections(writer, extra, SectionPlacement.BeforeChecks);
        if (report.Checks.Count > 0)
        {
            writer.Write("<table>\n<thead><tr><th>Verdict</th><th>Check</th><th>Observed</th><th>Threshold</th><th>Reason</th></tr></thead>\n<tbody>\n");
            foreach (var check in report.Checks)
            {
                var word = check.Verdict.ToWord();
                writer.Write($"<tr><td class=\"{E(word)}\">{E(word)}</td><td>{E(check.Name)}</td><td>{E(ReportText.Value(check))}</td>" +
                    $"<td>{E(ReportText.Threshold(check))}</td><td>{E(check.Reason)}</td></tr>\n");
            }

            writer.Write("</tbody>\n</table>\n");
        }

        Sections(writer, extra, SectionPlacement.AfterChecks);
        List(writer, "Warnings", report.Warnings);
        List(writer, "Inputs", [.. report.Inputs.Select(i => $"{i.Role}: {i.Path} (sha256 {i.Sha256})")]);
        writer.Write("</body>\n</html>\n");
    }

    private static void Sections(TextWriter writer, IReadOnlyList<HtmlSection> all, SectionPlacement placement)
    {
        foreach (var section in all.Where(s => s.Placement == placement))
        {
            var id = section.Id is { } anchor ? $" id=\"{E(anchor)}\"" : "";
            writer.Write($"<section{id}>\n<h2>{E(section.Heading)}</h2>\n{section.Html}</section>\n");
        }
    }

    private static void List(TextWriter writer, string heading, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        writer.Write($"<h2>{heading}</h2>\n<ul>\n");
        foreach (var item in items)
        {
            writer.Write($"<li>{E(item)}</li>\n");
        }

        writer.Write("</ul>\n");
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
