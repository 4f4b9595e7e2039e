using System.Text;
using Gates.Core.Charts;
using Gates.Core.Reporting;
using Gates.Core.Results;

namespace Gates.GateReport.Html;

/// <summary>
/// gate-report's sections of the --html page: for every merged report its verdict and summary, the interval chart of
/// each of its checks that has a value, and the evidence — the report file, the files it read (linked by their path
/// as recorded) and any URL the report names (the CI run).
/// </summary>
internal static class GateReportHtml
{
    public static IReadOnlyList<HtmlSection> Sections(IReadOnlyList<LoadedReport> reports, string? runUrl)
    {
        var labels = ReportMerger.Labels(reports);
        var sections = new List<HtmlSection>();
        for (var i = 0; i < reports.Count; i++)
        {
            var report = reports[i].Report;
            var b = new StringBuilder();
            b.Append($"<p>{E(report.Tool.Name)} {E(report.Tool.Version)}: {E(report.Summary)}</p>\n");
            var charted = 0;
            foreach (var check in report.Checks)
            {
                if (IntervalChart.Render(SvgText.Id($"gate-{i}-", check.Name), $"{labels[i]}: {check.Name}", [check]) is { } svg)
                {
                    b.Append(svg);
                    charted++;
                }
            }

            if (charted < report.Checks.Count)
            {
                b.Append(HtmlTable.Render(["Verdict", "Check", "Reason"],
                    report.Checks.Where(c => c.Observed is null && c.Delta is null).Select(c => (IReadOnlyList<string>)[c.Verdict.ToWord(), c.Name, c.Reason]),
                    "Checks without a value to chart"));
            }

            b.Append(Evidence(reports[i]));
            sections.Add(new HtmlSection($"{labels[i]}: {report.Verdict.ToWord().ToUpperInvariant()}", b.ToString(), SvgText.Id("gate-", labels[i])));
        }

        if (Link(runUrl) is { } run)
        {
            sections.Add(new HtmlSection("CI run", $"<p>{run}</p>\n", "ci-run"));
        }

        return sections;
    }

    private static string Evidence(LoadedReport loaded)
    {
        var items = new List<string> { $"report {Path(loaded.Path)} (sha256 {E(loaded.Sha256)})" };
        items.AddRange(loaded.Report.Inputs.Select(i => $"{E(i.Role)}: {Path(i.Path)} (sha256 {E(i.Sha256)})"));
        if (loaded.Report.Thresholds is { } t)
        {
            items.Add($"thresholds: {Path(t.Path)} (sha256 {E(t.Sha256)})");
        }

        return "<h3>Evidence</h3>\n<ul>\n" + string.Concat(items.Select(i => $"<li>{i}</li>\n")) + "</ul>\n";
    }

    /// <summary>A link to a path or URL as the report recorded it (an http(s) URL, or a path relative to the run's folder).</summary>
    private static string Path(string path) => Link(path) ?? $"<a href=\"{E(RelativeHref(path))}\">{E(path)}</a>";

    private static string? Link(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? $"<a href=\"{E(uri.AbsoluteUri)}\">{E(url)}</a>"
            : null;

    private static string RelativeHref(string path) =>
        string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));

    private static string E(string? text) => SvgText.Escape(text);
}
