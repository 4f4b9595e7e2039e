using System.Globalization;
using Gates.CanaryValidate.Analysis;
using Gates.Core.Charts;
using Gates.Core.Reporting;
using Gates.Core.Results;
using Gates.Core.Text;
using Gates.Core.Thresholds;

namespace Gates.CanaryValidate.Report;

/// <summary>
/// canary-validate's sections of the --html page: per gate, the confidence sequence narrowing over the looks against
/// the limit with the deciding look marked; then the requests each side has served over the looks.
/// </summary>
internal static class CanaryHtml
{
    public static IReportRenderer Renderer(IReadOnlyList<GateTimeline> timelines, IReadOnlyList<LookRecord> looks) =>
        new HtmlRenderer(_ => Sections(timelines, looks));

    public static IReadOnlyList<HtmlSection> Sections(IReadOnlyList<GateTimeline> timelines, IReadOnlyList<LookRecord> looks)
    {
        var sections = new List<HtmlSection>();
        var charts = timelines.Where(t => t.Points.Any(p => p.Drawable)).Select(GateChart).ToList();
        if (charts.Count > 0)
        {
            const string intro = "<p>Per gate, over the minutes since the analysis window opened: the hatched band is the anytime-valid " +
                "confidence sequence (it only narrows), the solid line with circles the estimate, the dashed line the limit. A gate is decided when " +
                "the whole band is on one side of the limit; the dotted vertical line marks that look (cross fail, circle pass).</p>\n";
            sections.Add(new HtmlSection("Gates over the looks", intro + string.Concat(charts), "looks", SectionPlacement.BeforeChecks));
        }

        if (TrafficChart(looks) is { } traffic)
        {
            sections.Add(new HtmlSection("Traffic per side", traffic, "traffic"));
        }

        return sections;
    }

    public static string GateChart(GateTimeline timeline)
    {
        var gate = timeline.Gate;
        var points = timeline.Points.Where(p => p.Drawable).ToList();
        var minutes = points.Select(p => p.Window.TotalMinutes).ToList();
        var limit = $"{gate.Comparison.Symbol()} {LookText.Number(gate.Threshold)}";
        var x = new LinearScale(0, Math.Max(timeline.Points.Select(p => p.Window.TotalMinutes).DefaultIfEmpty(1).Max(), 1e-3));
        var y = LinearScale.Around([.. points.SelectMany(p => new[] { p.Low, p.High, p.Value }), gate.Threshold]);
        var decision = timeline.Decision;
        var looks = string.Join("; ", points.Select(p =>
            $"+{DurationText.Format(p.Window)} {LookText.Number(p.Value)} [{LookText.Number(p.Low)}, {LookText.Number(p.High)}] {ProgressLine.Word(p.Status)}"));
        var decided = decision is { } d
            ? $"Decided {ProgressLine.Word(d.Status).ToUpperInvariant()} at look {d.Look}, {DurationText.Format(d.Window)} into the window."
            : $"Not decided after {timeline.Points.Count} looks ({ProgressLine.Word(timeline.Final)}).";
        var chart = new SvgChart($"gate-{gate.Name}", $"{gate.Name}: confidence sequence against the limit",
                $"{gate.Name}, {timeline.Scale}, must be {limit}. Estimate [confidence sequence] at each look: {looks}. {decided}", x, y)
            .Axes("minutes since the window opened", timeline.Scale.Split(' ')[0]);
        chart.Area([.. points.Select((p, i) => (minutes[i], p.Low!.Value, p.High!.Value))], new MarkStyle(Ink.Secondary, Texture.Hatch), "confidence sequence");
        chart.ThresholdY(gate.Threshold, $"limit {limit}", new MarkStyle(Ink.Muted, Dash: Dash.Dashed));
        chart.Line([.. points.Select((p, i) => (minutes[i], p.Value!.Value))], new MarkStyle(Ink.Primary), "estimate");
        foreach (var (p, i) in points.Select((p, i) => (p, i)))
        {
            chart.Point(minutes[i], p.Value!.Value, Shape.Circle, Ink.Primary,
                $"look {p.Look}: {LookText.Number(p.Value)} [{LookText.Number(p.Low)}, {LookText.Number(p.High)}], n={p.CanaryN}", radius: 3);
        }

        if (decision is { } at)
        {
            var verdict = at.Status == GateStatus.Pass ? Verdict.Pass : Verdict.Fail;
            chart.ThresholdX(at.Window.TotalMinutes, $"decided {ProgressLine.Word(at.Status).ToUpperInvariant()}, look {at.Look}", new MarkStyle(VerdictMarks.Ink(verdict), Dash: Dash.Dotted));
            if (at.Value is { } v && double.IsFinite(v))
            {
                chart.Point(at.Window.TotalMinutes, v, VerdictMarks.Shape(verdict), VerdictMarks.Ink(verdict), decided, radius: 6);
            }
        }

        chart.Legend(
            new LegendEntry("confidence sequence", new MarkStyle(Ink.Secondary, Texture.Hatch)),
            new LegendEntry("estimate", new MarkStyle(Ink.Primary), LegendMark.Point, Shape.Circle),
            new LegendEntry("limit", new MarkStyle(Ink.Muted, Dash: Dash.Dashed), LegendMark.Line));
        return chart.ToSvg();
    }

    /// <summary>Requests each side served since the window opened, at each look; null when no look counted traffic.</summary>
    public static string? TrafficChart(IReadOnlyList<LookRecord> looks)
    {
        var counted = looks.Where(l => l.Traffic is not null).ToList();
        if (counted.Count == 0)
        {
            return null;
        }

        var minutes = counted.Select(l => l.Window.TotalMinutes).ToList();
        var x = new LinearScale(0, Math.Max(minutes.Max(), 1e-3));
        var y = new LinearScale(0, Math.Max(counted.Max(l => Math.Max(l.Traffic!.Canary, l.Traffic.Baseline)) * 1.1, 1));
        var last = counted[^1].Traffic!;
        var share = double.IsFinite(last.CanaryShare) ? $" ({(last.CanaryShare * 100).ToString("0.#", CultureInfo.InvariantCulture)}% to the canary)" : "";
        var chart = new SvgChart("traffic-chart", "Requests per side since the window opened",
                $"Cumulative requests at each of {counted.Count} looks; at the last look the canary had served {last.Canary} and the baseline {last.Baseline}{share}.",
                x, y)
            .Axes("minutes since the window opened", "requests")
            .Line([.. counted.Select((l, i) => (minutes[i], (double)l.Traffic!.Baseline))], new MarkStyle(Ink.Secondary, Dash: Dash.Dashed), "baseline requests")
            .Line([.. counted.Select((l, i) => (minutes[i], (double)l.Traffic!.Canary))], new MarkStyle(Ink.Primary), "canary requests");
        foreach (var (l, i) in counted.Select((l, i) => (l, i)))
        {
            chart.Point(minutes[i], l.Traffic!.Baseline, Shape.Square, Ink.Secondary, $"look {l.Number}: baseline {l.Traffic.Baseline}", radius: 3)
                .Point(minutes[i], l.Traffic.Canary, Shape.Circle, Ink.Primary, $"look {l.Number}: canary {l.Traffic.Canary}", radius: 3);
        }

        chart.Legend(
            new LegendEntry("canary", new MarkStyle(Ink.Primary), LegendMark.Point, Shape.Circle),
            new LegendEntry("baseline", new MarkStyle(Ink.Secondary, Dash: Dash.Dashed), LegendMark.Point, Shape.Square));
        return chart.ToSvg();
    }
}
