using Gates.Cli.Comments;

namespace Gates.Cli.Tests.Comments;

/// <summary>How a too-long comment is cut when it holds a chart (a fenced mermaid block).</summary>
public sealed class CommentBodyTests
{
    private const string Marker = "<!-- gates:latency-bench:m -->";

    private static readonly string Chart = "```mermaid\nxychart-beta\n    title \"latency\"\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"    line \"l{i}\" [1, 2, 3]\n")) + "```\n";

    private static string Summary(int rows) =>
        "## latency-bench: PASS\n\n| Verdict | Check |\n| --- | --- |\n" + string.Concat(Enumerable.Range(0, rows).Select(i => $"| pass | check {i} |\n")) + "\n" + Chart;

    [Fact]
    public void A_cut_that_falls_inside_a_chart_drops_the_whole_chart_and_keeps_every_table_row()
    {
        var summary = Summary(20);
        var inside = summary.IndexOf("line \"l20\"", StringComparison.Ordinal);

        var body = CommentBody.Build(_ => summary, Marker, inside + 200, null);

        body.ShouldNotContain("```");
        body.ShouldContain("| pass | check 19 |");
        body.ShouldContain("**Truncated:**");
        body.ShouldEndWith(Marker);
    }

    [Fact]
    public void A_comment_within_the_limit_keeps_its_chart()
    {
        var body = CommentBody.Build(_ => Summary(3), Marker, 65_536, null);

        body.ShouldContain(Chart.TrimEnd('\n'));
        body.Split('\n').Count(l => l.StartsWith("```", StringComparison.Ordinal)).ShouldBe(2);
    }
}
