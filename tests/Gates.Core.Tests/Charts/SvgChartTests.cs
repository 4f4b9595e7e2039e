using System.Xml.Linq;
using Gates.Core.Charts;
using Gates.Core.Tests.Reporting;

namespace Gates.Core.Tests.Charts;

public sealed class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void A_chart_is_one_svg_with_title_desc_axes_and_its_marks()
    {
        var svg = new SvgChart("latency", "Latency", "p50 to p99 against the SLO", new LinearScale(0, 10), new LinearScale(0, 100))
            .Axes("time (s)", "ms")
            .BandY(80, 100, new MarkStyle(Ink.Fail, Texture.Hatch), "over the SLO")
            .Bar(1, 2, 0, 40, new MarkStyle(Ink.Primary, Texture.Dots), "bar")
            .Line([(0, 10), (5, 50), (10, 90)], new MarkStyle(Ink.Primary, Dash: Dash.Dashed), "p99")
            .Area([(0, 5, 15), (10, 20, 30)], new MarkStyle(Ink.Secondary))
            .Interval(3, 20, 3, 60, new MarkStyle(Ink.Primary))
            .Point(4, 50, Shape.Diamond, Ink.Warn, "a point")
            .ThresholdY(80, "SLO 80 ms", new MarkStyle(Ink.Fail, Dash: Dash.Dotted))
            .Legend(new LegendEntry("p99", new MarkStyle(Ink.Primary, Texture.Hatch)))
            .ToSvg();

        var root = XElement.Parse(svg);
        root.Name.ShouldBe(Svg + "svg");
        root.Attribute("aria-labelledby")!.Value.ShouldBe("latency-title latency-desc");
        root.Element(Svg + "title")!.Value.ShouldBe("Latency");
        root.Element(Svg + "desc")!.Value.ShouldBe("p50 to p99 against the SLO");
        root.Descendants(Svg + "pattern").Select(p => p.Attribute("id")!.Value).ShouldBe(["latency-hatch", "latency-dots"], ignoreOrder: true);
        root.Descendants(Svg + "text").Select(t => t.Value).ShouldContain("SLO 80 ms");
        root.Descendants(Svg + "text").Select(t => t.Value).ShouldContain("time (s)");
        root.Descendants().Count(e => e.Attribute("class")?.Value.StartsWith("whisker", StringComparison.Ordinal) == true).ShouldBe(1);
        root.Descendants().Any(e => e.Attribute("stroke-dasharray") is not null).ShouldBeTrue();
    }

    [Fact]
    public void Text_from_data_is_escaped_everywhere()
    {
        const string hostile = "<script>alert(\"x\")</script> & 'y'";
        var svg = new SvgChart(hostile, hostile, hostile, new CategoryScale([hostile, "b"]), new LinearScale(0, 1))
            .Axes(hostile, hostile)
            .Bar(-0.4, 0, 0, 0.5, new MarkStyle(Ink.Primary), hostile)
            .Label(0, 0.5, hostile)
            .ThresholdY(0.5, hostile, new MarkStyle(Ink.Fail))
            .Legend(new LegendEntry(hostile, new MarkStyle(Ink.Primary)))
            .ToSvg();

        svg.ShouldNotContain("<script");
        svg.ShouldNotContain("\"x\"");
        var root = XElement.Parse(svg);
        root.Element(Svg + "title")!.Value.ShouldBe(hostile);
        root.Attribute("id")!.Value.ShouldMatch("^[A-Za-z0-9_-]+$");
    }

    [Fact]
    public void Log_scale_ticks_fall_on_powers_of_ten_with_2_and_5_on_short_axes()
    {
        new LogScale(1, 10_000).Ticks().Select(t => t.Value).ShouldBe([1, 10, 100, 1000, 10_000]);
        new LogScale(3, 300).Ticks().Select(t => t.Label).ShouldBe(["5", "10", "20", "50", "100", "200"]);
        new LogScale(0.001, 1).Ticks().Select(t => t.Label).ShouldBe(["0.001", "0.01", "0.1", "1"]);
        new LogScale(10, 1000).Fraction(100).ShouldBe(0.5, 1e-12);
        double.IsNaN(new LogScale(10, 1000).Fraction(0)).ShouldBeTrue();
    }

    [Fact]
    public void Linear_scale_ticks_are_round_and_inside_the_axis()
    {
        new LinearScale(0, 1).Ticks().Select(t => t.Label).ShouldBe(["0", "0.2", "0.4", "0.6", "0.8", "1"]);
        new LinearScale(-0.03, 0.07).Ticks().Select(t => t.Value).ShouldAllBe(v => v >= -0.03 && v <= 0.07);
        new LinearScale(5, 5).Max.ShouldBeGreaterThan(5, "an empty span is widened");
    }

    [Fact]
    public void Values_that_cannot_be_placed_are_left_out_and_never_written_as_NaN()
    {
        var svg = new SvgChart("odd", "t", "d", new LogScale(1, 1000), new LinearScale(double.NaN, double.PositiveInfinity))
            .Axes("x", "y")
            .Line([(1, 0.5), (0, 0.5), (double.NaN, 1), (10, double.PositiveInfinity), (100, 0.2)], new MarkStyle(Ink.Primary))
            .Point(-5, 0.5, Shape.Circle, Ink.Pass)
            .Point(double.NaN, double.NaN, Shape.Square, Ink.Pass)
            .Bar(0, 10, 0, 1, new MarkStyle(Ink.Primary))
            .Interval(10, double.NaN, 100, 1, new MarkStyle(Ink.Primary))
            .ThresholdX(double.NegativeInfinity, "never", new MarkStyle(Ink.Fail))
            .Area([(1, 0, 1), (double.NaN, 0, 1)], new MarkStyle(Ink.Primary))
            .ToSvg();

        svg.ShouldNotContain("NaN");
        svg.ShouldNotContain("Infinity");
        svg.ShouldNotContain("∞");
        svg.ShouldNotContain("never");
        XElement.Parse(svg).Descendants(Svg + "circle").ShouldBeEmpty();
    }

    [Fact]
    public void Interval_chart_draws_a_row_per_check_with_its_threshold_and_a_sentence_per_check()
    {
        var checks = SampleReports.Realistic().Checks;
        var svg = IntervalChart.Render("gates", "Gates", checks)!;

        var root = XElement.Parse(svg);
        root.Element(Svg + "desc")!.Value.ShouldContain("groundedness: 0.912, 95% [0.8841, 0.9346], threshold >= 0.85: pass");
        root.Descendants(Svg + "text").Count(t => t.Value == "answer_relevance").ShouldBe(1);
        root.Descendants().Count(e => e.Attribute("class")?.Value.StartsWith("whisker", StringComparison.Ordinal) == true).ShouldBe(4);
        root.Descendants(Svg + "title").Select(t => t.Value).ShouldContain("no change");
        svg.ShouldNotContain("NaN");
        IntervalChart.Render("none", "None", [checks[0] with { Observed = null }]).ShouldBeNull();
    }
}
