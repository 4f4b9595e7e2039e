using System.Globalization;
using Gates.Cli;
using Gates.LatencyBench.Measure;
using Gates.LatencyBench.Results;

namespace Gates.LatencyBench.Precision;

/// <summary>
/// One <c>--target-precision</c> entry: the percentile of a metric family whose confidence interval must lie within
/// ±<see cref="Relative"/> of the estimate, e.g. <c>p95:5%</c> (latency) or <c>ttft_p99:10%</c>.
/// </summary>
internal sealed record PrecisionTarget(string Tag, string Suffix, double Percentile, double Relative)
{
    public const string Flag = "--target-precision";
    private const string Form = "PERCENTILE:PRECISION% such as p95:5% or ttft_p99:10% (percentiles p50, p90, p95, p99, p999; families latency, ttft, tpot, itl, service_latency)";

    /// <summary>The metric whose interval is watched, e.g. <c>latency_p95_ms</c>.</summary>
    public string Metric => MetricNames.Of(Tag, Suffix);

    /// <summary>The quantile as a fraction, 0.95 for p95.</summary>
    public double P => Percentile / 100;

    public override string ToString() =>
        $"{Metric} within ±{(Relative * 100).ToString("0.###", CultureInfo.InvariantCulture)}%";

    /// <summary>A comma-separated list of targets; null when the flag is absent.</summary>
    public static IReadOnlyList<PrecisionTarget>? ParseList(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var targets = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToList();
        if (targets.Count == 0)
        {
            throw FlagValues.Invalid(Flag, text, Form);
        }

        return targets.DistinctBy(t => t.Metric).ToList();
    }

    private static PrecisionTarget Parse(string part)
    {
        var colon = part.IndexOf(':');
        if (colon <= 0 || !part.EndsWith('%'))
        {
            throw FlagValues.Invalid(Flag, part, Form);
        }

        var name = part[..colon].Trim().ToLowerInvariant();
        var underscore = name.LastIndexOf('_');
        var tag = underscore > 0 ? name[..underscore] : MetricTags.Latency;
        var suffix = underscore > 0 ? name[(underscore + 1)..] : name;
        var percentile = MetricNames.Percentiles.Where(x => x.Suffix == suffix).Select(x => (double?)x.Percentile).FirstOrDefault();
        if (percentile is null || tag == MetricTags.ScheduleLag || !MetricTags.All.Contains(tag))
        {
            throw FlagValues.Invalid(Flag, part, Form);
        }

        var amount = part[(colon + 1)..^1].Trim();
        if (!double.TryParse(amount, NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) || !double.IsFinite(percent)
            || percent <= 0 || percent >= 100)
        {
            throw FlagValues.Invalid(Flag, part, "a precision above 0% and below 100%, such as p95:5%");
        }

        return new PrecisionTarget(tag, suffix, percentile.Value, percent / 100);
    }
}
