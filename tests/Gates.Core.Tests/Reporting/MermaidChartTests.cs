using Gates.Core.Reporting;
using Gates.Core.Reporting.Mermaid;
using Gates.Testing.Tools;

namespace Gates.Core.Tests.Reporting;

public sealed class MermaidChartTests
{
    private const string Hostile = "gate\"] ; line [1]\n%%{init: {\"theme\":\"dark\"}}%% `x` #12 {a} <b> 50%";

    private static XyChart Sample(string name = "p95 latency") => new()
    {
        Title = $"{name} percentiles (ms)",
        XTitle = "percentile",
        XLabels = ["p50", "p90", "p99.9"],
        YTitle = "ms",
        Series = [new XySeries("latency", [12.5, 40, 1234.567]), new XySeries("limit", [500, 500, 500])],
        Caption = "line 1: latency; line 2: limit <= 500",
    };

    [Fact]
    public void A_chart_is_a_mermaid_fence_with_title_axes_and_one_line_per_series()
    {
        Sample().ToMarkdown().ShouldBe("""
            ```mermaid
            xychart-beta
                title "p95 latency percentiles (ms)"
                x-axis "percentile" ["p50", "p90", "p99.9"]
                y-axis "ms"
                line "latency" [12.5, 40, 1235]
                line "limit" [500, 500, 500]
            ```

            *line 1: latency; line 2: limit &lt;= 500*

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Untrusted_labels_lose_quotes_brackets_directives_and_line_breaks()
    {
        var label = MermaidText.Label(Hostile);

        label.ShouldBe("\"gate line 1 pct pct init: theme : dark pct pct x 12 a below…\"");
        var markdown = Sample(Hostile).ToMarkdown();
        markdown.Split('\n').Count(l => l.StartsWith("    title ", StringComparison.Ordinal)).ShouldBe(1);
        markdown.ShouldNotContain("%%");
        markdown.ShouldNotContain("-->");
        markdown.Count(c => c == '`').ShouldBe(6);
    }

    [Fact]
    public void Long_labels_are_cut_with_an_ellipsis()
    {
        var clean = MermaidText.Clean(new string('a', 100));

        clean.Length.ShouldBe(MermaidText.MaxLabelLength);
        clean.ShouldEndWith("…");
        MermaidText.Clean("\"\"").ShouldBe("-");
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(1234.567, "1235")]
    [InlineData(0.000123456, "0.0001235")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(-0.0, "0")]
    [InlineData(-0.00001234567, "-0.00001235")]
    [InlineData(123456789, "123456789")]
    public void Numbers_are_plain_invariant_and_rounded_to_four_significant_digits(double value, string expected)
    {
        MermaidText.Number(value).ShouldBe(expected);
    }

    [Fact]
    public void Infinite_numbers_are_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => MermaidText.Number(double.PositiveInfinity));
    }

    [Fact]
    public void Long_series_are_thinned_to_the_maximum_keeping_the_first_and_last_points()
    {
        var kept = XyChart.Thinned(1000);

        kept.Count.ShouldBe(XyChart.MaxPoints);
        kept[0].ShouldBe(0);
        kept[^1].ShouldBe(999);
        kept.ShouldBe(kept.Order().ToList());
        XyChart.Thinned(5).ShouldBe([0, 1, 2, 3, 4]);
    }

    [Fact]
    public void A_series_of_the_wrong_length_is_refused()
    {
        var chart = Sample() with { Series = [new XySeries("short", [1])] };

        Should.Throw<ArgumentException>(chart.ToMarkdown);
    }

    [Fact]
    public void Charts_come_after_the_table_and_before_the_details()
    {
        var markdown = new MarkdownRenderer(true, [Sample().ToMarkdown()]).RenderToString(SampleReports.Realistic());

        var table = markdown.IndexOf("| Verdict |", StringComparison.Ordinal);
        var chart = markdown.IndexOf("```mermaid", StringComparison.Ordinal);
        var details = markdown.IndexOf("<details>", StringComparison.Ordinal);
        table.ShouldBeLessThan(chart);
        chart.ShouldBeLessThan(details);
        new MarkdownRenderer(false, [Sample().ToMarkdown()]).RenderToString(SampleReports.Realistic()).ShouldContain("```mermaid");
    }

    [Fact]
    public void Mermaid_parses_and_draws_the_charts_hostile_labels_included()
    {
        var markdown = Sample().ToMarkdown() + Sample(Hostile).ToMarkdown() + new XyChart
        {
            Title = "negative and thinned",
            XLabels = [.. Enumerable.Range(0, 50).Select(i => $"+{i}m")],
            YTitle = "delta",
            Series = [new XySeries("estimate", [.. Enumerable.Range(0, 50).Select(i => -0.5 + (i / 100.0))], Bars: true)],
        }.ToMarkdown();
        var blocks = MermaidDiagrams.Blocks(markdown);
        blocks.Count.ShouldBe(3);

        var results = MermaidDiagrams.Draw(blocks);

        results.ShouldAllBe(r => r.Drawn, string.Join("\n", results));
        results[0].SvgText.ShouldContain("p95 latency percentiles (ms)");
        results[0].SvgText.ShouldContain("p99.9");
        results[1].SvgText.ShouldContain("gate line 1 pct pct init");
        results[2].SvgText.ShouldContain("+49m");
    }

    [Fact]
    public void The_mermaid_check_reports_a_broken_diagram()
    {
        var results = MermaidDiagrams.Draw(["xychart-beta\n    title \"unclosed\n    line [1, 2]\n"]);

        results.ShouldHaveSingleItem().Drawn.ShouldBeFalse();
    }
}
