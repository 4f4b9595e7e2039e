using System.Globalization;

namespace Gates.LatencyBench.Results;

/// <summary>The statistic suffixes of every distribution metric: <c>{tag}_{stat}_ms</c>, e.g. <c>latency_p95_ms</c>.</summary>
internal static class MetricNames
{
    public static readonly (string Suffix, double Percentile)[] Percentiles =
        [("p50", 50), ("p90", 90), ("p95", 95), ("p99", 99), ("p999", 99.9)];

    public static string Of(string tag, string stat) => $"{tag}_{stat}_ms";

    /// <summary>The suffix for a percentile: 95 → p95, 99.9 → p999, 5 → p5.</summary>
    public static string PercentileSuffix(double p) =>
        "p" + p.ToString("0.###", CultureInfo.InvariantCulture).Replace(".", "", StringComparison.Ordinal);
}
