using System.Text.Json.Nodes;
using Gates.CanaryValidate.Analysis;
using Gates.Core.Thresholds;

namespace Gates.CanaryValidate.Report;

/// <summary>One gate at one look, as the timeline charts draw it.</summary>
internal sealed record TimelinePoint(int Look, TimeSpan Window, GateStatus Status, double? Value, double? Low, double? High, long CanaryN, long? BaselineN)
{
    /// <summary>Estimate and both bounds are finite: the point can be drawn.</summary>
    public bool Drawable => Value is { } v && double.IsFinite(v) && Low is { } l && double.IsFinite(l) && High is { } h && double.IsFinite(h);
}

/// <summary>
/// One gate's confidence sequence over the looks, against its limit (on the scale the report shows: the canary value,
/// the delta, or the relative delta; the limit is the gate's threshold on every scale), with the look that decided it.
/// </summary>
internal sealed record GateTimeline(CanaryGate Gate, IReadOnlyList<TimelinePoint> Points, int? DecidedAtLook, GateStatus Final)
{
    /// <summary>What the value is: "canary value", "delta (canary − baseline)", …</summary>
    public string Scale => Gate.Delta switch
    {
        DeltaMode.Absolute => "delta (canary - baseline)",
        DeltaMode.Relative => "relative delta (canary / baseline - 1)",
        _ when Gate.Kind == MetricKind.Quantile => "share of canary requests slower than the latency limit",
        _ => "canary value",
    };

    public TimelinePoint? Decision => DecidedAtLook is { } n ? Points.FirstOrDefault(p => p.Look == n) : null;

    public static IReadOnlyList<GateTimeline> From(AnalysisPlan plan, AnalysisOutcome outcome) =>
        [.. plan.Gates.Select(gate =>
        {
            var points = outcome.Looks
                .Select(l => (Look: l, Gate: l.Gates.FirstOrDefault(g => g.Gate == gate.Name)))
                .Where(x => x.Gate is not null)
                .Select(x => new TimelinePoint(x.Look.Number, x.Look.Window, x.Gate!.Status, x.Gate.Value, x.Gate.Interval?.Low,
                    x.Gate.Interval?.High, x.Gate.CanaryN, x.Gate.BaselineN))
                .ToList();
            var decided = points.FirstOrDefault(p => p.Status is GateStatus.Pass or GateStatus.Fail)?.Look;
            var final = outcome.Gates.FirstOrDefault(g => g.Gate == gate.Name)?.Status ?? GateStatus.NoData;
            return new GateTimeline(gate, points, decided, final);
        })];

    /// <summary>The gate's summary in the report section: limit, scale and the deciding look.</summary>
    public JsonObject ToJson() => new()
    {
        ["gate"] = Gate.Name,
        ["comparison"] = Gate.Comparison.ToWord(),
        ["threshold"] = Gate.Threshold,
        ["scale"] = Gate.Delta switch
        {
            DeltaMode.Absolute => "delta",
            DeltaMode.Relative => "relative_delta",
            _ => "value",
        },
        ["required"] = Gate.Required,
        ["status"] = ProgressLine.Word(Final).ToLowerInvariant(),
        ["decidedAtLook"] = DecidedAtLook,
        ["decidedAtSeconds"] = Decision?.Window.TotalSeconds,
    };
}
