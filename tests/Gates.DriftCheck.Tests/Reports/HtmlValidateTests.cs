using Gates.DriftCheck.Tests.Command;
using Gates.Testing.Tools;

namespace Gates.DriftCheck.Tests.Reports;

/// <summary>drift-check's rich HTML report passes html-validate (pinned in .ci/node-tools) and renders in headless Chromium without a console message.</summary>
public class HtmlValidateTests
{
    [Fact]
    public void Drift_report_passes_html_validate_and_renders_without_console_messages()
    {
        using var h = new DriftCheckHarness();
        var html = h.Folder.File("drift.html");
        h.Run("--reference", DriftCheckHarness.Sample("reference.csv"), "--current", DriftCheckHarness.Sample("current-drift.csv"),
            "-t", DriftCheckHarness.Sample("thresholds.yaml"), "--html", html).ShouldExit(1);

        NodeTools.HtmlValidate(h.Folder.Path, "drift.html").ShouldExit(0);
        var (dom, console) = Chromium.Render(html);
        dom.ShouldContain("<svg class=\"chart\" id=\"dataset-overview\"");
        console.ShouldBeEmpty();
    }
}
