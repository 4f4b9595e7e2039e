using System.Globalization;
using Gates.Core.Statistics.Experiments;

namespace Gates.CanaryValidate.AbTest;

/// <summary>The sentences of an A/B report.</summary>
internal static class AbText
{
    public static string Number(double value) => double.IsFinite(value) ? value.ToString("0.####", CultureInfo.InvariantCulture) : "n/a";

    public static string Count(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    public static string MetricReason(AbMetric metric, string role, AbMetricStatus status, ComparisonResult r, AbSettings s)
    {
        var values = $"control {Number(r.Control)}, treatment {Number(r.Treatment)} ({Signed(r.RelativeDifference * 100)}%)";
        var test = role == "primary" ? "better" : $"no more than {Number(s.Margin * 100)}% worse";
        var p = r.PValue is { } pv ? $", p = {pv.ToString("0.####", CultureInfo.InvariantCulture)}" : "";
        return status switch
        {
            AbMetricStatus.Shown => $"{values}: shown {test}{p}",
            AbMetricStatus.Refuted => role == "primary" ? $"{values}: shown worse{p}" : $"{values}: worse than the {Number(s.Margin * 100)}% margin{p}",
            AbMetricStatus.TooFewSamples => $"{values}: too few samples for a decision",
            _ => $"{values}: not shown {test} yet{p}",
        };
    }

    public static string Breach(AbGuardrailLook g) =>
        $"{g.Metric} of the treatment over the last {AbDuration.Format(g.Window)} is {Number(g.Value ?? double.NaN)} " +
        $"[{Number(g.Interval?.Low ?? double.NaN)}, {Number(g.Interval?.High ?? double.NaN)}], beyond the threshold {Number(g.Threshold)} (n={Count(g.N)})";

    public static string SrmWarning(ArmTraffic traffic, double expected, double p) =>
        $"sample-ratio mismatch: the treatment received {Number(traffic.TreatmentShare * 100)}% of units " +
        $"({Count(traffic.Treatment)} of {Count(traffic.Treatment + traffic.Control)}), configured {Number(expected * 100)}% " +
        $"(χ² p = {Math.Max(p, 1e-300).ToString("0.##e0", CultureInfo.InvariantCulture)}); assignment or routing may be broken and the comparison biased";

    /// <summary>What the undecided primaries need: treatment units, how many more, and how long at the observed rate.</summary>
    public static string Needs(AbLook? look, AbSchedule schedule, (long Control, long Treatment)? planned)
    {
        if (look is null)
        {
            return "no data yet";
        }

        var perHour = look.Metrics.Select(m => m.TreatmentN).DefaultIfEmpty(0).Max() / Math.Max((look.At - schedule.Start).TotalHours, 1e-9);
        var parts = new List<string>();
        foreach (var m in look.Metrics.Where(m => m.Role == "primary" && m.Status != AbMetricStatus.Shown))
        {
            long? needed = planned is { } p ? p.Treatment : m.Result?.NeededTreatmentUnits;
            if (m.Status == AbMetricStatus.NoData)
            {
                parts.Add($"{m.Metric}: {m.Reason}");
            }
            else if (needed is { } n && n != long.MaxValue && n < 1_000_000_000)
            {
                var more = Math.Max(0, n - m.TreatmentN);
                var time = perHour > 0 ? $", about {Number(Math.Ceiling(more / perHour))} more hours at the observed {Number(Math.Round(perHour))}/h" : "";
                parts.Add($"{m.Metric}: about {Count(n)} treatment samples would settle it ({Count(more)} more{time})");
            }
            else if (m.Result is { NeededForEffect: { } forEffect, Effect: { } effect })
            {
                var more = forEffect - m.TreatmentN;
                parts.Add(more > 0
                    ? $"{m.Metric}: the arms look equal; about {Count(forEffect)} treatment samples ({Count(more)} more) would detect a true difference of {Number(effect)}"
                    : $"{m.Metric}: the arms look equal; about {Count(forEffect)} treatment samples would detect a true difference of {Number(effect)}, and {Count(m.TreatmentN)} were seen, so any real difference is most likely smaller");
            }
            else
            {
                parts.Add($"{m.Metric}: {m.Reason}; no sample size would settle it if the estimates hold (the arms look equal)");
            }
        }

        return string.Join("; ", parts);
    }

    private static string Signed(double value) => (value >= 0 ? "+" : "") + Number(Math.Round(value, 2));
}
