using System.Globalization;
using Gates.Core.Charts;
using Gates.Core.Reporting;
using Gates.Core.Results;
using Gates.Core.Thresholds;
using Gates.LatencyBench.Results;

namespace Gates.LatencyBench.Report;

/// <summary>
/// latency-bench's sections of the --html page: each family's percentile distribution (HDR style: x is 1/(1 − p) on a
/// log axis, p50 … p99.99) with its thresholds drawn, then, for a live run, successes and errors per second and
/// output tokens per second over the run, the warmup shaded.
/// </summary>
internal static class LatencyHtml
{
    /// <summary>Most points a timeline line gets (the per-second buckets are merged in pairs above it).</summary>
    public const int TimelinePoints = 600;

    public static IReportRenderer Renderer(IReadOnlyList<PercentileCurve> curves, ThroughputTimeline? timeline) =>
        new HtmlRenderer(report => Sections(curves, timeline, report.Checks));

    public static IReadOnlyList<HtmlSection> Sections(IReadOnlyList<PercentileCurve> curves, ThroughputTimeline? timeline, IReadOnlyList<CheckResult> checks)
    {
        var sections = new List<HtmlSection>();
        var distributions = curves.Where(c => c.Points.Count > 0).Select(c => PercentileChart(c, SloLine.For(c.Tag, checks))).ToList();
        if (distributions.Count > 0)
        {
            const string intro = "<p>Each chart is one distribution: the value at each percentile (circles), the x axis stretched towards " +
                "the tail (p50, p90, p99, p99.9, p99.99 equally spaced). Dashed lines are thresholds; the mark on each sits at the percentile it gates " +
                "(circle pass, triangle warn, cross fail, diamond inconclusive).</p>\n";
            sections.Add(new HtmlSection("Latency percentiles", intro + string.Concat(distributions), "percentiles", SectionPlacement.BeforeChecks));
        }

        if (timeline is { Count: > 0 } t)
        {
            var charts = ThroughputCharts(t.Coarsened(TimelinePoints));
            sections.Add(new HtmlSection("Throughput and errors over time", string.Concat(charts), "timeline"));
        }

        return sections;
    }

    /// <summary>The x position of a percentile on the HDR axis: 1 / (1 − p/100), so p50 → 2, p99.9 → 1000.</summary>
    public static double HdrX(double percentile) => 1 / (1 - (percentile / 100));

    public static string PercentileChart(PercentileCurve curve, IReadOnlyList<SloLine> lines)
    {
        var name = LatencyMermaid.Family(curve.Tag);
        var top = curve.Points.Max(p => p.Percentile);
        var decades = Math.Clamp((int)Math.Ceiling(Math.Log10(HdrX(Math.Max(top, 99)))), 2, 4);
        var x = new LogScale(2, Math.Pow(10, decades)) with
        {
            CustomTicks = [.. new[] { 50, 90, 99, 99.9, 99.99 }.Take(decades + 1).Select(p => new Tick(HdrX(p), PercentileCurves.Label(p)))],
        };
        var y = new LinearScale(0, Math.Max(curve.Points.Max(p => p.Ms), lines.Select(l => l.ThresholdMs).DefaultIfEmpty(0).Max()) * 1.1);
        var values = string.Join(", ", curve.Points.Select(p => $"{PercentileCurves.Label(p.Percentile)} {Ms(p.Ms)}"));
        var thresholds = lines.Count == 0 ? "No threshold gates this distribution."
            : "Thresholds: " + string.Join("; ", lines.Select(l => $"{l.Describe()}, {l.Verdict.ToWord()}")) + ".";
        var count = curve.Count is { } n ? $" over {n.ToString("N0", CultureInfo.InvariantCulture)} values" : "";
        var source = curve.Source == "histogram" ? "from the recorded histogram" : "as the results file gives them";
        var chart = new SvgChart($"percentiles-{curve.Tag}", $"{name} percentile distribution (ms)",
                $"{name} in milliseconds at each percentile{count}, {source}: {values}. {thresholds}", x, y)
            .Axes("percentile (log scale of 1/(1-p))", "ms");
        foreach (var line in lines)
        {
            var style = new MarkStyle(VerdictMarks.Ink(line.Verdict), Dash: Dash.Dashed);
            chart.ThresholdY(line.ThresholdMs, $"{line.Metric} {line.Comparison.Symbol()} {Ms(line.ThresholdMs)}", style);
            if (line.Percentile is { } p)
            {
                chart.Point(HdrX(p), line.ThresholdMs, VerdictMarks.Shape(line.Verdict), VerdictMarks.Ink(line.Verdict),
                    $"{line.Describe()}: {line.Verdict.ToWord()}");
            }
        }

        chart.Line([.. curve.Points.Select(p => (HdrX(p.Percentile), p.Ms))], new MarkStyle(Ink.Primary), $"{name} by percentile");
        foreach (var p in curve.Points)
        {
            chart.Point(HdrX(p.Percentile), p.Ms, Shape.Circle, Ink.Primary, $"{PercentileCurves.Label(p.Percentile)}: {Ms(p.Ms)}", radius: 3);
        }

        chart.Legend(new LegendEntry(name, new MarkStyle(Ink.Primary), LegendMark.Point, Shape.Circle));
        if (lines.Count > 0)
        {
            chart.Legend(new LegendEntry("threshold", new MarkStyle(Ink.Muted, Dash: Dash.Dashed), LegendMark.Line));
        }

        return chart.ToSvg();
    }

    public static IReadOnlyList<string> ThroughputCharts(ThroughputTimeline t)
    {
        var width = t.BucketSeconds;
        var times = Enumerable.Range(0, t.Count).Select(i => (i + 0.5) * width).ToList();
        var end = t.Count * width;
        var ok = t.Succeeded.Select(v => v / width).ToList();
        var errors = t.Errors.Select(v => v / width).ToList();
        var warmup = t.Warmup.Count == t.Count ? t.Warmup.Select(v => v / width).ToList() : [];
        var x = new LinearScale(0, end);
        var y = new LinearScale(0, Math.Max(ok.Concat(errors).Concat(warmup).DefaultIfEmpty(0).Max() * 1.1, 1));
        var measured = Enumerable.Range(0, t.Count).Where(i => times[i] >= t.MeasureStartSeconds).ToList();
        var peakErrors = errors.DefaultIfEmpty(0).Max();
        var description = $"Requests finished per second over {Seconds(end)} s of run, in buckets of {Seconds(width)} s: " +
            $"successes averaged {Rate(measured.Select(i => ok[i]))}/s after the warmup, errors {Rate(measured.Select(i => errors[i]))}/s " +
            $"(peak {Rate([peakErrors])}/s)." + (t.MeasureStartSeconds > 0 ? $" The first {Seconds(t.MeasureStartSeconds)} s are warmup (dotted band)." : "");
        var chart = new SvgChart("timeline-requests", "Successes and errors per second", description, x, y).Axes("seconds since the start", "requests/s");
        if (t.MeasureStartSeconds > 0)
        {
            chart.BandX(0, Math.Min(t.MeasureStartSeconds, end), new MarkStyle(Ink.Muted, Texture.Dots), "warmup");
        }

        chart.Line([.. times.Select((s, i) => (s, ok[i]))], new MarkStyle(Ink.Primary), "successes per second")
            .Line([.. times.Select((s, i) => (s, errors[i]))], new MarkStyle(Ink.Fail, Dash: Dash.Dashed), "errors per second")
            .Legend(
                new LegendEntry("successes/s", new MarkStyle(Ink.Primary), LegendMark.Line),
                new LegendEntry("errors/s", new MarkStyle(Ink.Fail, Dash: Dash.Dashed), LegendMark.Line));
        if (t.MeasureStartSeconds > 0)
        {
            chart.Legend(new LegendEntry("warmup", new MarkStyle(Ink.Muted, Texture.Dots)));
        }

        var charts = new List<string> { chart.ToSvg() };
        if (t.OutputTokens.Any(v => v > 0))
        {
            var tokens = t.OutputTokens.Select(v => v / width).ToList();
            var tokenChart = new SvgChart("timeline-tokens", "Output tokens per second",
                    $"Output tokens of the requests finished in each {Seconds(width)} s bucket, per second: " +
                    $"averaged {Rate(measured.Select(i => tokens[i]))}/s after the warmup, peak {Rate([tokens.Max()])}/s.",
                    x, new LinearScale(0, Math.Max(tokens.Max() * 1.1, 1)))
                .Axes("seconds since the start", "tokens/s")
                .Line([.. times.Select((s, i) => (s, tokens[i]))], new MarkStyle(Ink.Secondary, Dash: Dash.DashDot), "output tokens per second")
                .Legend(new LegendEntry("output tokens/s", new MarkStyle(Ink.Secondary, Dash: Dash.DashDot), LegendMark.Line));
            charts.Add(tokenChart.ToSvg());
        }

        return charts;
    }

    private static string Ms(double ms) => SvgText.Number(ms) + " ms";

    private static string Seconds(double s) => s.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Rate(IEnumerable<double> values) =>
        values.DefaultIfEmpty(0).Average().ToString("0.##", CultureInfo.InvariantCulture);
}
