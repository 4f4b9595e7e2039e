using System.Text.RegularExpressions;
using Gates.DriftCheck.Tests.Command;
using Gates.Testing.Tools;

namespace Gates.DriftCheck.Tests.Reports;

/// <summary>
/// Renders the HTML report in headless Chromium (Debian package "chromium", listed in apt-packages.txt) and checks what
/// is on the page: the dataset overview and a chart per compared column, each with its title, nothing from the network
/// and no script. Installs nothing: without Chromium the test fails and says what to install.
/// </summary>
public class HtmlRenderingTests
{
    [Fact]
    public void Chromium_renders_the_dataset_overview_and_a_chart_for_every_compared_column()
    {
        using var h = new DriftCheckHarness();
        var html = h.Folder.File("drift report.html");
        h.Run("--reference", DriftCheckHarness.Sample("reference.csv"), "--current", DriftCheckHarness.Sample("current-drift.csv"),
            "-t", DriftCheckHarness.Sample("thresholds.yaml"), "--html", html).ShouldExit(1);

        var (dom, titles) = HtmlReportChecks.RenderSelfContained(html);

        titles.Count.ShouldBe(10);
        titles[0].ShouldBe("Share of drifted columns against the limit");
        titles.ShouldContain("country: reference and current shares");
        Regex.Matches(dom, "<rect class=\"bar ink-primary\"").Count.ShouldBeGreaterThan(9, "current bars");
        dom.ShouldContain("4 columns of 9 compared drifted (44%)");
        dom.ShouldContain("country=BR 4% → 26%");
    }
}
