using Gates.CanaryValidate.Analysis;
using Gates.Core.Reporting.Mermaid;
using Gates.Core.Text;
using Gates.Core.Thresholds;

namespace Gates.CanaryValidate.Report;

/// <summary>
/// The mermaid charts of canary-validate's Markdown summary and comment: per gate (failed first, then required, at
/// most <see cref="MaxCharts"/>), the confidence sequence's bounds and the estimate over the looks against the limit,
/// with the deciding look named in the caption. Gates without a drawable look get no chart.
/// </summary>
internal static class CanaryMermaid
{
    public const int MaxCharts = 3;

    public static IReadOnlyList<string> Charts(IReadOnlyList<GateTimeline> timelines) =>
        [.. timelines
            .Where(t => t.Points.Any(p => p.Drawable))
            .OrderBy(t => t.Final == GateStatus.Fail ? 0 : t.Gate.Required ? 1 : 2)
            .Take(MaxCharts)
            .Select(t => Chart(t).ToMarkdown())];

    public static XyChart Chart(GateTimeline timeline)
    {
        var points = timeline.Points.Where(p => p.Drawable).ToList();
        var gate = timeline.Gate;
        var limit = $"{gate.Comparison.Symbol()} {LookText.Number(gate.Threshold)}";
        var decision = timeline.Decision is { } d
            ? $"decided {ProgressLine.Word(d.Status).ToUpperInvariant()} at look {d.Look} (+{DurationText.Format(d.Window)})"
            : $"not decided after {timeline.Points.Count} {(timeline.Points.Count == 1 ? "look" : "looks")} ({ProgressLine.Word(timeline.Final)})";
        return new XyChart
        {
            Title = $"{gate.Name}: confidence sequence over looks",
            XTitle = "time since the window opened",
            XLabels = [.. points.Select(p => "+" + DurationText.Format(p.Window))],
            YTitle = timeline.Scale,
            Series =
            [
                new XySeries("upper bound", [.. points.Select(p => p.High!.Value)]),
                new XySeries("estimate", [.. points.Select(p => p.Value!.Value)]),
                new XySeries("lower bound", [.. points.Select(p => p.Low!.Value)]),
                new XySeries("limit", [.. points.Select(_ => gate.Threshold)]),
            ],
            Caption = $"{gate.Name} ({timeline.Scale}, must be {limit}): lines 1 to 3 are the upper bound, the estimate and the " +
                $"lower bound of the anytime-valid confidence sequence; line 4 is the limit; {decision}.",
        };
    }
}
