using Gates.Core.Reporting;
using Gates.Testing;
using Gates.Testing.Tools;

namespace Gates.Core.Tests.Reporting;

/// <summary>
/// The generic HTML report (every tool's --html, drift-check aside) passes html-validate's recommended rules
/// (pinned in .ci/node-tools) and renders in headless Chromium without a console message.
/// </summary>
public sealed class HtmlInteropTests
{
    [Fact]
    public void Html_reports_pass_html_validate_and_render_in_chromium_without_console_messages()
    {
        using var temp = new TempFolder();
        var files = new[] { ("realistic.html", SampleReports.Realistic()), ("minimal.html", SampleReports.Minimal() with { Warnings = ["a <b>warning</b>"] }) }
            .Select(r => temp.Write(r.Item1, new HtmlRenderer().RenderToString(r.Item2)))
            .ToArray();

        NodeTools.HtmlValidate(temp.Path, [.. files.Select(Path.GetFileName)!]).ShouldExit(0);
        foreach (var file in files)
        {
            var (dom, console) = Chromium.Render(file);
            dom.ShouldContain("</table>");
            console.ShouldBeEmpty(file);
        }
    }
}
