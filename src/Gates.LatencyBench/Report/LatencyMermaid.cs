using System.Globalization;
using Gates.Core.Reporting.Mermaid;
using Gates.Core.Results;

namespace Gates.LatencyBench.Report;

/// <summary>
/// The mermaid charts of latency-bench's Markdown summary and comment: the percentile distribution of the gated
/// families (latency when none is gated), each with its thresholds as flat lines. At most <see cref="MaxCharts"/>
/// charts and <see cref="MaxLines"/> threshold lines each, so the comment stays small.
/// </summary>
internal static class LatencyMermaid
{
    public const int MaxCharts = 2;
    public const int MaxLines = 3;

    public static IReadOnlyList<string> Charts(IReadOnlyList<PercentileCurve> curves, IReadOnlyList<CheckResult> checks)
    {
        var gated = curves.Where(c => SloLine.For(c.Tag, checks).Count > 0).ToList();
        var shown = gated.Count > 0 ? gated : curves.Take(1).ToList();
        return [.. shown.Take(MaxCharts).Where(c => c.Points.Count > 0).Select(c => Chart(c, SloLine.For(c.Tag, checks)).ToMarkdown())];
    }

    public static XyChart Chart(PercentileCurve curve, IReadOnlyList<SloLine> lines)
    {
        var drawn = lines.Take(MaxLines).ToList();
        var name = Family(curve.Tag);
        var series = new List<XySeries> { new(name, [.. curve.Points.Select(p => p.Ms)]) };
        series.AddRange(drawn.Select(l => new XySeries(l.Metric, [.. curve.Points.Select(_ => l.ThresholdMs)])));
        var parts = new List<string> { $"line 1: {name} at each percentile" };
        parts.AddRange(drawn.Select((l, i) => $"line {i + 2}: threshold {l.Describe()}, {l.Verdict.ToWord()}"));
        if (lines.Count > drawn.Count)
        {
            parts.Add($"{lines.Count - drawn.Count} more thresholds in the table");
        }

        var count = curve.Count is { } n ? $"{n.ToString("N0", CultureInfo.InvariantCulture)} values, " : "";
        var source = curve.Source == "histogram" ? "from the recorded histogram" : "the percentiles the results file gives";
        return new XyChart
        {
            Title = $"{name} percentiles (ms)",
            XTitle = "percentile",
            XLabels = [.. curve.Points.Select(p => PercentileCurves.Label(p.Percentile))],
            YTitle = "ms",
            Series = series,
            Caption = $"{name} distribution ({count}{source}; percentiles evenly spaced): {string.Join("; ", parts)}.",
        };
    }

    /// <summary>The family's name on a chart: latency, TTFT, TPOT, ITL.</summary>
    public static string Family(string tag) => tag switch
    {
        "latency" => "latency",
        _ => tag.ToUpperInvariant(),
    };
}
