using System.Text;
using Gates.Core.Reporting;
using Gates.Core.Results;
using Gates.Core.Thresholds;

namespace Gates.Core.Charts;

/// <summary>
/// A forest plot of checks on one shared axis, one row per check: the value the threshold applies to (a shape per
/// verdict), its interval, the threshold (dashed) with the failing side hatched, the warn tier (dotted, its zone
/// dotted), the baseline (a ring) for a check on the value, and "no change" (0) for a paired delta. With one check it
/// is the per-check interval chart. Checks without a value are left out; null when none is left.
/// </summary>
public static class IntervalChart
{
    private const int RowHeight = 34;

    public static string? Render(string id, string title, IReadOnlyList<CheckResult> checks)
    {
        var rows = checks.Where(c => CheckValues.ComparedValue(c) is { } v && double.IsFinite(v)).ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var x = LinearScale.Around(rows.SelectMany(Numbers));
        var y = new CategoryScale([.. rows.Select(c => c.Name).Reverse()]);
        var size = new ChartSize(Width: 760, Height: 40 + 44 + (rows.Count * RowHeight), Left: 170, Right: 120, Top: 40, Bottom: 44);
        var delta = rows.All(CheckValues.IsDelta);
        var chart = new SvgChart(id, title, Describe(rows), x, y, size)
            .Heading()
            .Axes(xLabel: delta ? "change against the baseline" : "value");
        for (var i = 0; i < rows.Count; i++)
        {
            Row(chart, rows[i], rows.Count - 1 - i, x);
        }

        var legend = new List<LegendEntry>
        {
            new("value", new MarkStyle(Ink.Secondary), LegendMark.Point),
            new("interval", new MarkStyle(Ink.Primary), LegendMark.Line),
            new("threshold", new MarkStyle(Ink.Fail, Dash: Dash.Dashed), LegendMark.Line),
            new("fails", new MarkStyle(Ink.Fail, Texture.Hatch)),
        };
        if (rows.Any(r => r.WarnThreshold is not null))
        {
            legend.Add(new("warn", new MarkStyle(Ink.Warn, Texture.Dots)));
        }

        if (rows.Any(r => !CheckValues.IsDelta(r) && r.BaselineValue is not null))
        {
            legend.Add(new("baseline", new MarkStyle(Ink.Secondary), LegendMark.Point, Shape.Ring));
        }

        return chart.Legend([.. legend]).ToSvg();
    }

    private static void Row(SvgChart chart, CheckResult c, int row, LinearScale x)
    {
        var value = CheckValues.ComparedValue(c)!.Value;
        var (top, bottom) = (row + 0.42, row - 0.42);
        if (c.Comparison is { } comparison && c.Threshold is { } threshold)
        {
            var failingEdge = comparison.HigherIsBetter() ? x.Min : x.Max;
            if (comparison != Comparison.Eq)
            {
                chart.Band(threshold, failingEdge, bottom, top, new MarkStyle(Ink.Fail, Texture.Hatch), $"{c.Name}: fails {ReportText.Threshold(c)}");
            }

            if (c.WarnThreshold is { } warn)
            {
                chart.Band(threshold, warn, bottom, top, new MarkStyle(Ink.Warn, Texture.Dots), $"{c.Name}: warn zone");
                chart.Segment(warn, bottom, warn, top, new MarkStyle(Ink.Warn, Dash: Dash.Dotted), $"warn at {ReportText.Number(warn)}");
            }

            chart.Segment(threshold, bottom, threshold, top, new MarkStyle(Ink.Fail, Dash: Dash.Dashed), $"threshold {comparison.Symbol()} {ReportText.Number(threshold)}");
        }

        if (CheckValues.IsDelta(c))
        {
            chart.Segment(0, bottom, 0, top, new MarkStyle(Ink.Secondary, Dash: Dash.DashDot), "no change");
        }
        else if (c.BaselineValue is { } baseline)
        {
            chart.Point(baseline, row, Shape.Ring, Ink.Secondary, $"baseline {ReportText.Number(baseline)}");
        }

        if (c.Interval is { } interval)
        {
            chart.Interval(interval.Low, row, interval.High, row, new MarkStyle(Ink.Primary), $"{c.Name}: {ReportText.Interval(interval)}");
        }

        chart.Point(value, row, VerdictMarks.Shape(c.Verdict), VerdictMarks.Ink(c.Verdict), Sentence(c));
        chart.Label(x.Max, row, $"{c.Verdict.ToWord()} {Short(c)}", "start", 8, 4);
    }

    private static IEnumerable<double?> Numbers(CheckResult c)
    {
        yield return CheckValues.ComparedValue(c);
        yield return c.Threshold;
        yield return c.WarnThreshold;
        yield return c.Interval?.Low;
        yield return c.Interval?.High;
        yield return CheckValues.IsDelta(c) ? 0 : c.BaselineValue;
    }

    private static string Short(CheckResult c) =>
        (CheckValues.IsDelta(c) ? "Δ " + ReportText.Signed(CheckValues.ComparedValue(c)!.Value) : ReportText.Number(c.Observed));

    /// <summary>"accuracy: 0.91, 95% [0.88, 0.93], threshold >= 0.85, warn < 0.9, baseline 0.9: pass".</summary>
    public static string Sentence(CheckResult c)
    {
        var b = new StringBuilder($"{c.Name}: {ReportText.Value(c)}");
        if (c.Interval is { } interval)
        {
            b.Append($", {ReportText.Interval(interval)}");
        }

        if (ReportText.Threshold(c) is { Length: > 0 } threshold)
        {
            b.Append($", threshold {threshold}");
        }

        if (!CheckValues.IsDelta(c) && c.BaselineValue is { } baseline)
        {
            b.Append($", baseline {ReportText.Number(baseline)}");
        }

        return b.Append($": {c.Verdict.ToWord()}").ToString();
    }

    private static string Describe(IReadOnlyList<CheckResult> rows) =>
        $"{rows.Count} {(rows.Count == 1 ? "check" : "checks")} against {(rows.Count == 1 ? "its threshold" : "their thresholds")}. " +
        string.Join(". ", rows.Select(Sentence)) + ".";
}
