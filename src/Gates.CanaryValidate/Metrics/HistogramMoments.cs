using System.Globalization;
using Gates.Prometheus;

namespace Gates.CanaryValidate.Metrics;

/// <summary>
/// An upper bound on E[x²] from cumulative histogram buckets: every observation is placed at the upper bound of its
/// bucket. Observations above the last finite bound are placed at twice that bound (an assumption, not a bound).
/// With the exact mean from _sum/_count this bounds the variance of a latency mean from above.
/// </summary>
internal static class HistogramMoments
{
    public static double? SecondMomentBound(QueryResult buckets, double unitsPerSecond)
    {
        var points = buckets.Series
            .Select(s => (Le: Parse(s.Labels.GetValueOrDefault("le")), Count: s.Samples.Count > 0 ? s.Samples[^1].Value : double.NaN))
            .Where(p => !double.IsNaN(p.Le) && double.IsFinite(p.Count))
            .OrderBy(p => p.Le)
            .ToList();
        var finite = points.Where(p => double.IsFinite(p.Le)).ToList();
        if (points.Count == 0 || finite.Count == 0)
        {
            return null;
        }

        var total = points[^1].Count;
        if (!(total > 0))
        {
            return null;
        }

        double sum = 0, below = 0;
        foreach (var (le, count) in points)
        {
            var bound = (double.IsFinite(le) ? le : 2 * finite[^1].Le) / unitsPerSecond;
            sum += Math.Max(0, count - below) * bound * bound;
            below = Math.Max(below, count);
        }

        return sum / total;
    }

    private static double Parse(string? le) => le switch
    {
        null => double.NaN,
        "+Inf" => double.PositiveInfinity,
        _ => double.TryParse(le, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN,
    };
}
