using System.Globalization;
using Gates.Core;
using Gates.Prometheus;

namespace Gates.CanaryValidate.Metrics;

/// <summary>Finds the histogram bucket whose upper bound is the latency limit, comparing <c>le</c> labels as numbers ("0.5", "0.50", "500").</summary>
internal static class BucketPicker
{
    public static double? Below(QueryResult buckets, double limit, string gate)
    {
        if (buckets.IsEmpty)
        {
            return null;
        }

        var bounds = buckets.Series
            .Select(s => (Le: s.Labels.TryGetValue("le", out var le) ? Parse(le) : double.NaN, Value: s.Samples.Count > 0 ? s.Samples[^1].Value : double.NaN))
            .ToList();
        var hit = bounds.Where(b => Math.Abs(b.Le - limit) <= 1e-9 * Math.Max(1, Math.Abs(limit))).ToList();
        if (hit.Count == 1)
        {
            return hit[0].Value;
        }

        var known = string.Join(", ", bounds.Select(b => b.Le).Where(double.IsFinite).Order().Select(b => b.ToString("0.####", CultureInfo.InvariantCulture)));
        throw new GateInputException($"gate '{gate}': the histogram has no bucket with le = {limit.ToString("0.####", CultureInfo.InvariantCulture)} " +
            $"(a quantile limit must be one of its bucket bounds: {known})");
    }

    private static double Parse(string le) => le switch
    {
        "+Inf" => double.PositiveInfinity,
        _ => double.TryParse(le, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN,
    };
}
