namespace Gates.LatencyBench.Tuning;

/// <summary>One run as the tuning log records it: when, what changed, the key metrics, and whether the SLO was met (null: no SLO given).</summary>
internal sealed record TuningRow(DateTimeOffset Date, string Change, IReadOnlyDictionary<string, double> Metrics, bool? SloMet);

/// <summary>The key metrics of the tuning log: their column titles and the result names they come from.</summary>
internal static class KeyMetrics
{
    public static readonly (string Title, string Metric)[] Columns =
    [
        ("capacity", "capacity"),
        ("req/s", "requests_per_second"),
        ("output tok/s", "output_tokens_per_second"),
        ("TTFT p95 ms", "ttft_p95_ms"),
        ("TPOT p95 ms", "tpot_p95_ms"),
        ("latency p95 ms", "latency_p95_ms"),
        ("error rate", "error_rate"),
    ];

    /// <summary>The header of the table; an existing log must start its table with exactly this line.</summary>
    public static string Header =>
        "| # | date (UTC) | change | " + string.Join(" | ", Columns.Select(c => c.Title)) + " | Δ vs previous | SLO |";

    public static string Separator => "|" + string.Concat(Enumerable.Repeat("---|", Columns.Length + 5));

    public static int CellCount => Columns.Length + 5;
}
