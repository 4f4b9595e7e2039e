using System.Net;
using Gates.Core.Results;

namespace Gates.Core.Reporting;

/// <summary>
/// A self-contained HTML page of any report, for <c>--html</c> in tools without an HTML report of their own:
/// verdict and summary, one table row per check (verdict, check, observed, threshold, reason), warnings and inputs.
/// Inline CSS only, no scripts; every value from the report is HTML-encoded.
/// </summary>
public sealed class HtmlRenderer : IReportRenderer
{
    private const string Style = "body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2328}table{border-collapse:collapse}" +
        "td,th{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:left}.pass{color:#1a7f37}.warn{color:#9a6700}" +
        ".fail{color:#cf222e}.inconclusive,.not-evaluated{color:#57606a}";

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

        List(writer, "Warnings", report.Warnings);
        List(writer, "Inputs", [.. report.Inputs.Select(i => $"{i.Role}: {i.Path} (sha256 {i.Sha256})")]);
        writer.Write("</body>\n</html>\n");
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
