using System.Globalization;
using Gates.Core.Reporting;
using Gates.Testing;

namespace Gates.Core.Tests.Reporting;

public sealed class TextRendererTests
{
    private readonly TextRenderer sut = new();

    [Fact]
    public void Render_realistic_report_matches_approved() =>
        Approvals.Verify(sut.RenderToString(SampleReports.Realistic()), "text-realistic");

    [Fact]
    public void Render_minimal_report_matches_approved() =>
        Approvals.Verify(sut.RenderToString(SampleReports.Minimal()), "text-minimal");

    [Fact]
    public void Render_hostile_text_no_line_can_be_read_as_a_workflow_command()
    {
        var lines = sut.RenderToString(SampleReports.Realistic()).Split('\n');

        lines.ShouldAllBe(line => !line.TrimStart().StartsWith("::", StringComparison.Ordinal));
        lines.ShouldContain(line => line.Contains("::error::injected", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_under_a_comma_decimal_culture_still_writes_invariant_numbers()
    {
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = comma;
        try
        {
            var text = sut.RenderToString(SampleReports.Realistic());

            text.ShouldContain("0.912");
            text.ShouldNotContain("0,912");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Render_overall_line_gives_verdict_counts_and_summary()
    {
        var last = sut.RenderToString(SampleReports.Realistic()).TrimEnd('\n').Split('\n')[^1];

        last.ShouldBe("Overall: FAIL (6 checks: 1 fail, 1 inconclusive, 1 warn, 3 pass). 1 of 6 gates failed: hallucination");
    }
}
