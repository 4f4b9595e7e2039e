using System.Globalization;
using Gates.Core.Results;
using Gates.Core.Thresholds;

namespace Gates.LatencyBench.Report;

/// <summary>
/// A threshold drawn on a family's percentile chart: a gate on one of its percentiles or its mean, on the value itself
/// (delta gates compare with a baseline and have no line on this scale).
/// </summary>
internal sealed record SloLine(string Gate, string Metric, Comparison Comparison, double ThresholdMs, double? Percentile, Verdict Verdict)
{
    /// <summary>"latency_p95_ms <= 500" (the gate's name added when it differs from the metric).</summary>
    public string Describe()
    {
        var text = $"{Metric} {Comparison.Symbol()} {ThresholdMs.ToString("0.###", CultureInfo.InvariantCulture)} ms";
        return Gate == Metric ? text : $"{text} (gate {Gate})";
    }

    /// <summary>The lines of <paramref name="tag"/>'s gates among the report's checks, in check order.</summary>
    public static IReadOnlyList<SloLine> For(string tag, IReadOnlyList<CheckResult> checks)
    {
        var lines = new List<SloLine>();
        foreach (var check in checks)
        {
            if (check is not { Metric: { } metric, Comparison: { } comparison, Threshold: { } threshold, Compared: null }
                || !double.IsFinite(threshold) || !metric.StartsWith(tag + "_", StringComparison.Ordinal) || !metric.EndsWith("_ms", StringComparison.Ordinal))
            {
                continue;
            }

            var stat = metric[(tag.Length + 1)..^3];
            double? percentile = stat.Length > 1 && stat[0] == 'p' && stat[1..].All(char.IsAsciiDigit) ? PercentileCurves.ParseSuffix(stat[1..]) : null;
            if (percentile is null && stat != "mean")
            {
                continue;
            }

            lines.Add(new SloLine(check.Name, metric, comparison, threshold, percentile, check.Verdict));
        }

        return lines;
    }
}
