using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gates.LatencyBench.Import;
using Gates.LatencyBench.Measure;

namespace Gates.LatencyBench.Report;

/// <summary>One point of a percentile distribution: the value (ms) at percentile <see cref="Percentile"/> (50 … 99.99).</summary>
internal sealed record PercentilePoint(double Percentile, double Ms);

/// <summary>
/// The percentile distribution of one metric family (latency, TTFT, TPOT, ITL): from the recorded histogram when the
/// results have one (<see cref="Source"/> "histogram"), else the percentiles the file gives ("file").
/// </summary>
internal sealed record PercentileCurve(string Tag, IReadOnlyList<PercentilePoint> Points, long? Count, string Source)
{
    public JsonObject ToJson() => new()
    {
        ["source"] = Source,
        ["count"] = Count,
        ["points"] = new JsonArray([.. Points.Select(p => (JsonNode)new JsonObject { ["p"] = p.Percentile, ["ms"] = p.Ms })]),
    };
}

/// <summary>Builds the <see cref="PercentileCurve"/>s of a results file.</summary>
internal static partial class PercentileCurves
{
    /// <summary>The families charted, in order.</summary>
    public static readonly string[] Tags = [MetricTags.Latency, MetricTags.Ttft, MetricTags.Tpot, MetricTags.Itl];

    /// <summary>The percentiles read from a histogram (HdrHistogram's usual plot, up to 99.99).</summary>
    public static readonly double[] Grid = [50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99];

    public static IReadOnlyList<PercentileCurve> From(LatencyResults results)
    {
        var curves = new List<PercentileCurve>();
        foreach (var tag in Tags)
        {
            if (results.Histograms.TryGetValue(tag, out var h) && h.TotalCount > 0)
            {
                // A percentile needs at least one value above it to be more than the maximum: p ≤ 100 (1 − 1/n).
                var points = Grid.Where(p => p == 50 || h.TotalCount * (1 - (p / 100)) >= 1 - 1e-9)
                    .Select(p => new PercentilePoint(p, Percentile.ValueAt(h, p) / 1000.0)).ToList();
                curves.Add(new PercentileCurve(tag, points, h.TotalCount, "histogram"));
                continue;
            }

            var given = results.Metrics
                .Select(kv => (Match: MetricKey().Match(kv.Key), kv.Value))
                .Where(x => x.Match.Success && x.Match.Groups["tag"].Value == tag && double.IsFinite(x.Value))
                .Select(x => new PercentilePoint(ParseSuffix(x.Match.Groups["digits"].Value), x.Value))
                .Where(p => p.Percentile >= 50 && p.Percentile < 100)
                .OrderBy(p => p.Percentile)
                .ToList();
            if (given.Count > 0)
            {
                var count = results.Metrics.TryGetValue($"{tag}_count", out var c) ? (long?)c : null;
                curves.Add(new PercentileCurve(tag, given, count, "file"));
            }
        }

        return curves;
    }

    /// <summary>
    /// The percentile of a metric suffix as <see cref="Results.MetricNames.PercentileSuffix"/> writes it: two digits
    /// are whole (p95 → 95), more have a decimal point after the second (p999 → 99.9, p9999 → 99.99).
    /// </summary>
    public static double ParseSuffix(string digits)
    {
        var text = digits.Length <= 2 ? digits : digits[..2] + "." + digits[2..];
        return double.Parse(text, CultureInfo.InvariantCulture);
    }

    /// <summary>A percentile written on the chart: 50, 99.9, 99.99.</summary>
    public static string Label(double p) => "p" + p.ToString("0.##", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<tag>[a-z_]+?)_p(?<digits>[1-9][0-9]*)_ms$")]
    private static partial Regex MetricKey();
}
