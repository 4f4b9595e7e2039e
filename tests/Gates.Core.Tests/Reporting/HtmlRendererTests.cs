using Gates.Core.Reporting;

namespace Gates.Core.Tests.Reporting;

public sealed class HtmlRendererTests
{
    private readonly HtmlRenderer sut = new();

    [Fact]
    public void Render_RealisticReport_IsOnePageWithARowPerCheck()
    {
        var report = SampleReports.Realistic();
        var html = sut.RenderToString(report);

        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldEndWith("</html>\n");
        html.Split("<tr><td class=").Length.ShouldBe(report.Checks.Count + 1);
        html.ShouldContain("answer_relevance");
        html.ShouldNotContain("<script");
    }

    [Fact]
    public void Render_HostileText_IsEncoded()
    {
        var html = sut.RenderToString(SampleReports.Realistic());

        html.ShouldNotContain(SampleReports.HostileName);
        html.ShouldContain("&lt;img src=x&gt;");
    }
}
