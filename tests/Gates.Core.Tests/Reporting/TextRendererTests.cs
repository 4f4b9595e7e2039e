using System.Globalization;
using Gates.Core.Reporting;
using Gates.Testing;

namespace Gates.Core.Tests.Reporting;

public sealed class TextRendererTests
{
    private readonly TextRenderer sut = new();

    [Fact]
    public void Render_RealisticReport_MatchesApproved() =>
        Approvals.Verify(sut.RenderToString(SampleReports.Realistic()), "text-realistic");

    [Fact]
    public void Render_MinimalReport_MatchesApproved() =>
        Approvals.Verify(sut.RenderToString(SampleReports.Minimal()), "text-minimal");

    [Fact]
    public void Render_HostileText_NoLineCanBeReadAsAWorkflowCommand()
    {
        var lines = sut.RenderToString(SampleReports.Realistic()).Split('\n');

        lines.ShouldAllBe(line => !line.TrimStart().StartsWith("::", StringComparison.Ordinal));
        lines.ShouldContain(line => line.Contains("::error::injected", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_UnderACommaDecimalCulture_StillWritesInvariantNumbers()
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
    public void Render_OverallLine_GivesVerdictCountsAndSummary()
    {
        var last = sut.RenderToString(SampleReports.Realistic()).TrimEnd('\n').Split('\n')[^1];

        last.ShouldBe("Overall: FAIL (6 checks: 1 fail, 1 inconclusive, 1 warn, 3 pass). 1 of 6 gates failed: hallucination");
    }
}
