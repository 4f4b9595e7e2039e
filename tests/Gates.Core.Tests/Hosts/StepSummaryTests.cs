using System.Text;
using Gates.Core.Hosts;
using Gates.Core.Reporting;
using Gates.Core.Tests.Reporting;

namespace Gates.Core.Tests.Hosts;

public sealed class StepSummaryTests
{
    private static readonly Results.GateReport Report = SampleReports.Realistic();
    private static readonly int Full = Bytes(new MarkdownRenderer().RenderToString(Report));
    private static readonly int Compact = Bytes(new MarkdownRenderer(includeDetails: false).RenderToString(Report));

    [Fact]
    public void Build_PlentyOfRoom_IsTheFullMarkdownReport() =>
        StepSummary.Build(Report).ShouldBe(new MarkdownRenderer().RenderToString(Report));

    [Fact]
    public void Build_FileAlmostFull_DropsTheDetailsSection()
    {
        var summary = StepSummary.Build(Report, bytesAlreadyWritten: StepSummary.LimitBytes - Full + 1);

        summary.ShouldBe(new MarkdownRenderer(includeDetails: false).RenderToString(Report));
    }

    [Fact]
    public void Build_NoRoomForTheTable_WritesAShortNote()
    {
        var summary = StepSummary.Build(Report, bytesAlreadyWritten: 0, limitBytes: Compact - 1);

        summary.ShouldBe("## eval-gate: FAIL\n\nThe full report is too large for the step summary; see the JSON report (--report-json).\n");
    }

    [Fact]
    public void Build_NoRoomAtAll_WritesNothing() =>
        StepSummary.Build(Report, bytesAlreadyWritten: StepSummary.LimitBytes).ShouldBe("");

    [Fact]
    public void LimitBytes_StaysUnderGitHubsOneMebibyte() => StepSummary.LimitBytes.ShouldBeLessThan(1024 * 1024);

    private static int Bytes(string text) => Encoding.UTF8.GetByteCount(text);
}
