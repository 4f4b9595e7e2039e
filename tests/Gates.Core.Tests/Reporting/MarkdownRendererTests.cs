using Gates.Core.Reporting;
using Gates.Testing;

namespace Gates.Core.Tests.Reporting;

public sealed class MarkdownRendererTests
{
    [Fact]
    public void Render_realistic_report_matches_approved() =>
        Approvals.Verify(new MarkdownRenderer().RenderToString(SampleReports.Realistic()), "markdown-realistic", "md");

    [Fact]
    public void Render_minimal_report_matches_approved() =>
        Approvals.Verify(new MarkdownRenderer().RenderToString(SampleReports.Minimal()), "markdown-minimal", "md");

    [Fact]
    public void Render_hostile_name_cannot_inject_html_or_mentions()
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
    public void Render_hostile_name_keeps_every_table_row_at_six_columns()
    {
        var rows = new MarkdownRenderer().RenderToString(SampleReports.Realistic())
            .Split('\n')
            .TakeWhile(line => !line.StartsWith("<details>", StringComparison.Ordinal))
            .Where(line => line.StartsWith('|'));

        rows.ShouldAllBe(row => UnescapedPipes(row) == 7);
    }

    [Fact]
    public void Render_without_details_leaves_out_the_details_section()
    {
        var markdown = new MarkdownRenderer(includeDetails: false).RenderToString(SampleReports.Realistic());

        markdown.ShouldStartWith("## eval-gate: FAIL\n");
        markdown.ShouldContain("| **FAIL** | hallucination |");
        markdown.ShouldNotContain("<details>");
    }

    private static int UnescapedPipes(string row) =>
        row.Where((c, i) => c == '|' && (i == 0 || row[i - 1] != '\\')).Count();
}
