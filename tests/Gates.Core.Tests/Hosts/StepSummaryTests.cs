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
    public void Build_plenty_of_room_is_the_full_markdown_report() =>
        StepSummary.Build(Report).ShouldBe(new MarkdownRenderer().RenderToString(Report));

    [Fact]
    public void Build_file_almost_full_drops_the_details_section()
    {
        var summary = StepSummary.Build(Report, bytesAlreadyWritten: StepSummary.LimitBytes - Full + 1);

        summary.ShouldBe(new MarkdownRenderer(includeDetails: false).RenderToString(Report));
    }

    [Fact]
    public void Build_no_room_for_the_table_writes_a_short_note()
    {
        var summary = StepSummary.Build(Report, bytesAlreadyWritten: 0, limitBytes: Compact - 1);

        summary.ShouldBe("## eval-gate: FAIL\n\nThe full report is too large for the step summary; see the JSON report (--report-json).\n");
    }

    [Fact]
    public void Build_no_room_at_all_writes_nothing() =>
        StepSummary.Build(Report, bytesAlreadyWritten: StepSummary.LimitBytes).ShouldBe("");

    [Fact]
    public void LimitBytes_stays_under_GitHubs_one_mebibyte() => StepSummary.LimitBytes.ShouldBeLessThan(1024 * 1024);

    private static int Bytes(string text) => Encoding.UTF8.GetByteCount(text);
}
