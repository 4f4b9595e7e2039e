using System.Globalization;
using Gates.Core.Evaluation;
using Gates.Core.Thresholds;

namespace Gates.CanaryValidate.Analysis;

/// <summary>Plain-words explanations of a gate's look.</summary>
internal static class LookText
{
    public static string Reason(CanaryGate gate, GateLook look, long minSamples)
    {
        var what = Subject(gate, look);
        var ci = look.Interval is { } i
            ? $"{Percent(i.Level)}% confidence sequence [{Number(i.Low)}, {Number(i.High)}]"
            : "no interval";
        var limit = $"{gate.Comparison.Symbol()} {Number(gate.Threshold)}";
        return look.Status switch
        {
            GateStatus.Pass => $"{what}; {ci} lies within {limit}",
            GateStatus.Fail => $"{what}; {ci} lies entirely outside {limit}",
            GateStatus.TooFewSamples => $"{what}; fewer than {minSamples} samples per side, not decided yet",
            _ => $"{what}; {ci} still contains the limit {limit}",
        };
    }

    private static string Subject(CanaryGate gate, GateLook look)
    {
        var canary = $"canary {Number(look.Canary)} (n={look.CanaryN})";
        var baseline = look.BaselineN is { } bn ? $", baseline {Number(look.Baseline)} (n={bn})" : "";
        return gate.Delta switch
        {
            DeltaMode.Absolute => $"{canary}{baseline}, delta {Number(look.Value)}",
            DeltaMode.Relative => $"{canary}{baseline}, relative delta {Number(look.Value)}",
            _ when gate.Kind == MetricKind.Quantile =>
                $"share slower than {Number(gate.LatencyLimit)} s: {canary}{baseline} (p{Percent(gate.Quantile ?? 0)} ≤ {Number(gate.LatencyLimit)} s needs ≤ {Number(gate.Threshold)})",
            _ => $"{canary}{baseline}",
        };
    }

    public static string Number(double? value) => value is { } v && double.IsFinite(v) ? GateEvaluator.Format(v) : "n/a";

    public static string Percent(double level) => (level * 100).ToString("0.##", CultureInfo.InvariantCulture);
}
