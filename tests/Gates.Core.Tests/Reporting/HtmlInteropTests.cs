using Gates.Core.Charts;
using Gates.Core.Reporting;
using Gates.Testing;
using Gates.Testing.Tools;

namespace Gates.Core.Tests.Reporting;

/// <summary>
/// The generic HTML report (every tool's --html, drift-check aside), with and without a tool's chart section, passes
/// html-validate's recommended rules (pinned in .ci/node-tools) and renders in headless Chromium self-contained:
/// no script, nothing from the network, no console message, each chart with its title.
/// </summary>
public sealed class HtmlInteropTests
{
    [Fact]
    public void Html_reports_pass_html_validate_and_render_in_chromium_without_console_messages()
    {
        using var temp = new TempFolder();
        var charted = new HtmlRenderer(r => [new HtmlSection("Gates", IntervalChart.Render("gates", "Every gate against its threshold", r.Checks)!, "charts")]);
        var files = new[]
            {
                ("realistic.html", new HtmlRenderer().RenderToString(SampleReports.Realistic())),
                ("minimal.html", new HtmlRenderer().RenderToString(SampleReports.Minimal() with { Warnings = ["a <b>warning</b>"] })),
                ("charted.html", charted.RenderToString(SampleReports.Realistic())),
            }
            .Select(r => temp.Write(r.Item1, r.Item2))
            .ToArray();

        NodeTools.HtmlValidate(temp.Path, [.. files.Select(Path.GetFileName)!]).ShouldExit(0);
        foreach (var file in files)
        {
            var (dom, titles) = HtmlReportChecks.RenderSelfContained(file);
            dom.ShouldContain("</table>");
            titles.Count.ShouldBe(file.EndsWith("charted.html", StringComparison.Ordinal) ? 1 : 0);
        }

        var page = File.ReadAllText(files[2]);
        page.IndexOf("<section id=\"charts\">", StringComparison.Ordinal).ShouldBeGreaterThan(page.IndexOf("</table>", StringComparison.Ordinal));
    }
}
