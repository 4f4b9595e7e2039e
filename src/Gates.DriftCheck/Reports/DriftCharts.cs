using Gates.Core.Charts;
using Gates.Core.Results;
using Gates.Core.Thresholds;
using Gates.DriftCheck.Analysis;

namespace Gates.DriftCheck.Reports;

/// <summary>
/// drift-check's charts on the shared SVG writer: per column, the reference (grey, hatched) and current (blue) share of
/// each bin side by side; for the dataset, the share of drifted columns against the share_of_drifted_columns limits.
/// </summary>
internal static class DriftCharts
{
    public const string ShareMetric = "share_of_drifted_columns";

    /// <summary>Grouped bars: for each bin, the reference share then the current share, with the bin label below.</summary>
    public static string Column(string name, Histogram h)
    {
        var max = Math.Max(h.Reference.Concat(h.Current).DefaultIfEmpty(0).Max(), 1e-9);
        var y = new LinearScale(0, max) { CustomTicks = [new Tick(0, "0%"), new Tick(max, Words.Percent(max))] };
        var x = new CategoryScale(h.Labels) { CustomTicks = h.Labels.Count <= 20 ? null : [] };
        var description = $"{name}: share of rows per bin, reference then current. " +
            string.Join("; ", h.Labels.Select((label, i) => $"{label} {Words.Percent(h.Reference[i])} → {Words.Percent(h.Current[i])}"));
        var chart = new SvgChart(SvgText.Id("chart-", name), $"{name}: reference and current shares", description, x, y,
            new ChartSize(Width: 640, Height: 160, Left: 40, Right: 10, Top: 10, Bottom: 50)).Axes(grid: false);
        for (var i = 0; i < h.Labels.Count; i++)
        {
            Bar(chart, i - 0.4, i, h.Reference[i], $"{h.Labels[i]}: reference {Words.Percent(h.Reference[i])}", new MarkStyle(Ink.Secondary, Texture.Hatch));
            Bar(chart, i, i + 0.4, h.Current[i], $"{h.Labels[i]}: current {Words.Percent(h.Current[i])}", new MarkStyle(Ink.Primary));
        }

        return chart.ToSvg();
    }

    /// <summary>
    /// The dataset overview: one bar of the compared columns split into drifted (hatched), insufficient data (dotted)
    /// and no drift, on a 0–100 % axis, with each share_of_drifted_columns gate's limit (dashed) and warn tier (dotted).
    /// </summary>
    public static string Overview(DriftResult result, IReadOnlyList<CheckResult> checks)
    {
        var compared = Math.Max(result.Compared, 1);
        var (drifted, insufficient) = ((double)result.Drifted / compared, (double)result.Insufficient / compared);
        var limits = checks.Where(c => c.Metric == ShareMetric && c.Threshold is not null).ToList();
        var description = $"{Words.Plural(result.Drifted, "column", "columns")} of {Words.Count(result.Compared)} compared drifted " +
            $"({Words.Percent(result.ShareDrifted)}), {Words.Count(result.Insufficient)} with insufficient data, " +
            $"{Words.Count(result.NotTested)} not tested" +
            string.Concat(limits.Select(c => $"; gate {c.Name}: share {c.Comparison?.Symbol()} {Words.Percent(c.Threshold!.Value)}, {c.Verdict.ToWord()}")) + ".";
        var x = new LinearScale(0, 1)
        {
            CustomTicks = [.. new[] { 0, 0.25, 0.5, 0.75, 1 }.Select(v => new Tick(v, Words.Percent(v)))],
        };
        var chart = new SvgChart("dataset-overview", "Share of drifted columns against the limit", description, x,
                new CategoryScale(["columns"]), new ChartSize(Width: 640, Height: 130, Left: 70, Right: 16, Top: 34, Bottom: 40))
            .Axes(xLabel: $"share of the {Words.Count(result.Compared)} compared columns");
        chart.Bar(0, drifted, -0.25, 0.25, new MarkStyle(Ink.Fail, Texture.Hatch), $"drifted: {Words.Count(result.Drifted)} ({Words.Percent(drifted)})");
        chart.Bar(drifted, drifted + insufficient, -0.25, 0.25, new MarkStyle(Ink.Warn, Texture.Dots),
            $"insufficient data: {Words.Count(result.Insufficient)} ({Words.Percent(insufficient)})");
        chart.Bar(drifted + insufficient, 1, -0.25, 0.25, new MarkStyle(Ink.Pass), "no drift");
        foreach (var limit in limits)
        {
            chart.ThresholdX(limit.Threshold!.Value, $"{limit.Name} {limit.Comparison?.Symbol()} {Words.Percent(limit.Threshold.Value)}",
                new MarkStyle(Ink.Fail, Dash: Dash.Dashed));
            if (limit.WarnThreshold is { } warn)
            {
                chart.ThresholdX(warn, $"warn {Words.Percent(warn)}", new MarkStyle(Ink.Warn, Dash: Dash.Dotted));
            }
        }

        return chart.Legend(
                new LegendEntry("drifted", new MarkStyle(Ink.Fail, Texture.Hatch)),
                new LegendEntry("insufficient data", new MarkStyle(Ink.Warn, Texture.Dots)),
                new LegendEntry("no drift", new MarkStyle(Ink.Pass)),
                new LegendEntry("limit", new MarkStyle(Ink.Fail, Dash: Dash.Dashed), LegendMark.Line))
            .ToSvg();
    }

    private static void Bar(SvgChart chart, double from, double to, double share, string tooltip, MarkStyle style)
    {
        if (share > 0)
        {
            chart.Bar(from + 0.05, to - 0.05, 0, share, style, tooltip);
        }
    }
}
