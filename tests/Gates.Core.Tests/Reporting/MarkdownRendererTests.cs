using Gates.Core.Reporting;
using Gates.Testing;

namespace Gates.Core.Tests.Reporting;

public sealed class MarkdownRendererTests
{
    [Fact]
    public void Render_RealisticReport_MatchesApproved() =>
        Approvals.Verify(new MarkdownRenderer().RenderToString(SampleReports.Realistic()), "markdown-realistic", "md");

    [Fact]
    public void Render_MinimalReport_MatchesApproved() =>
        Approvals.Verify(new MarkdownRenderer().RenderToString(SampleReports.Minimal()), "markdown-minimal", "md");

    [Fact]
    public void Render_HostileName_CannotInjectHtmlOrMentions()
    {
        var markdown = new MarkdownRenderer().RenderToString(SampleReports.Realistic());

        markdown.ShouldNotContain("<img");
        markdown.ShouldNotContain("<script");
        markdown.ShouldNotContain("<b>");
        markdown.ShouldNotContain("-->");
        markdown.ShouldNotContain("@org");
        markdown.ShouldNotContain("@octocat");
        markdown.ShouldNotContain("#12");
        markdown.ShouldContain("&lt;img src=x&gt;");
    }

    [Fact]
    public void Render_HostileName_KeepsEveryTableRowAtSixColumns()
    {
        var rows = new MarkdownRenderer().RenderToString(SampleReports.Realistic())
            .Split('\n')
            .TakeWhile(line => !line.StartsWith("<details>", StringComparison.Ordinal))
            .Where(line => line.StartsWith('|'));

        rows.ShouldAllBe(row => UnescapedPipes(row) == 7);
    }

    [Fact]
    public void Render_WithoutDetails_LeavesOutTheDetailsSection()
    {
        var markdown = new MarkdownRenderer(includeDetails: false).RenderToString(SampleReports.Realistic());

        markdown.ShouldStartWith("## eval-gate: FAIL\n");
        markdown.ShouldContain("| **FAIL** | hallucination |");
        markdown.ShouldNotContain("<details>");
    }

    private static int UnescapedPipes(string row) =>
        row.Where((c, i) => c == '|' && (i == 0 || row[i - 1] != '\\')).Count();
}
