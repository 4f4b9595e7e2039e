namespace Gates.CanaryValidate.AbTest;

/// <summary>
/// The built-in metric names of an A/B test and the series they read. Every series carries the arm label
/// (<c>model</c> by default, <c>analysis.armLabel</c> to change it) whose value is the arm's model name.
/// Counters are summed with <c>increase(…[{{window}}])</c>, so counter resets are handled.
/// </summary>
internal static class AbMetricCatalog
{
    public const string Requests = "llm_requests_total";

    private static string Increase(string series) => "sum(increase(" + series + Selector + "[{{window}}]))";

    private static string Buckets(string series) => "sum by (le) (increase(" + series + "_bucket" + Selector + "[{{window}}]))";

    /// <summary>The arm's series: {{label}} is the arm label's name, {{arm}} the arm's model name.</summary>
    private const string Selector = "{{{label}}=\"{{arm}}\"}";

    public static string TrafficQuery => Increase(Requests);

    private static AbMetric Proportion(string name, string counter, bool higher, string column) => new()
    {
        Name = name,
        Kind = AbMetricKind.Proportion,
        HigherIsBetter = higher,
        Queries = new Dictionary<string, string> { ["numerator"] = Increase(counter), ["denominator"] = Increase(Requests) },
        Numerator = column,
        Denominator = "requests",
        Unit = "share of requests",
    };

    private static AbMetric HistogramMean(string name, string histogram, bool higher, string column, string? denominator, string unit) => new()
    {
        Name = name,
        Kind = AbMetricKind.Mean,
        HigherIsBetter = higher,
        Queries = new Dictionary<string, string>
        {
            ["sum"] = Increase(histogram + "_sum"),
            ["count"] = Increase(histogram + "_count"),
            ["buckets"] = Buckets(histogram),
        },
        Numerator = column,
        Denominator = denominator,
        Unit = unit,
    };

    private static AbMetric LatencyQuantile(string name, double q) => new()
    {
        Name = name,
        Kind = AbMetricKind.Quantile,
        HigherIsBetter = false,
        Quantile = q,
        Queries = new Dictionary<string, string> { ["buckets"] = Buckets("llm_request_duration_seconds") },
        Numerator = "latency_seconds",
        Unit = "seconds",
    };

    public static IReadOnlyList<AbMetric> All { get; } =
    [
        Proportion("task_success_rate", "llm_task_success_total", higher: true, "task_successes"),
        Proportion("hallucination_rate", "llm_hallucinations_total", higher: false, "hallucinations"),
        Proportion("error_rate", "llm_request_errors_total", higher: false, "errors"),
        HistogramMean("user_satisfaction_score", "llm_user_satisfaction_score", higher: true, "user_satisfaction_score", null, "score per rating"),
        HistogramMean("cost_per_request", "llm_request_cost_dollars", higher: false, "cost", "requests", "dollars per request"),
        HistogramMean("latency_mean", "llm_request_duration_seconds", higher: false, "latency_seconds", null, "seconds per request"),
        LatencyQuantile("latency_p50", 0.50),
        LatencyQuantile("latency_p90", 0.90),
        LatencyQuantile("latency_p95", 0.95),
        LatencyQuantile("latency_p99", 0.99),
    ];

    public static AbMetric? Find(string name) => All.FirstOrDefault(m => m.Name == name);
}
