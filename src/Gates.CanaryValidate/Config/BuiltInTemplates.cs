using Gates.CanaryValidate.Analysis;

namespace Gates.CanaryValidate.Config;

/// <summary>
/// The built-in query templates: Knative/KServe queue-proxy (serverless InferenceServices), vLLM's OpenAI server,
/// and plain HTTP counters (prometheus client conventions). Gates may override any role with <c>queries:</c>.
/// </summary>
internal static class BuiltInTemplates
{
    /// <summary>Pods of Deployment {{canary}} are named {{canary}}-&lt;template hash&gt;-&lt;suffix&gt;; nothing else matches.</summary>
    private const string Pods = "namespace=\"{{namespace}}\",pod=~\"{{canary}}-[a-z0-9]+-[a-z0-9]+\"";
    private const string Revision = "namespace_name=\"{{namespace}}\",revision_name=\"{{canary}}\"";

    public static readonly BuiltInTemplate Knative = new(
        "knative",
        "Knative queue-proxy metrics of a KServe serverless InferenceService, split by revision_name",
        new Dictionary<string, BuiltInMetric>
        {
            ["error_rate"] = Proportion(
                $"sum(increase(revision_request_count{{{Revision},response_code_class=\"5xx\"}}[{{{{window}}}}]))",
                $"sum(increase(revision_request_count{{{Revision}}}[{{{{window}}}}]))"),
            ["latency"] = Histogram("revision_request_latencies", Revision),
            ["latency_mean"] = HistogramMean("revision_request_latencies", Revision, 1000),
            ["quality_score"] = Score(Revision),
        },
        $"sum(increase(revision_request_count{{{Revision}}}[{{{{window}}}}]))",
        $"max(max_over_time(timestamp(revision_request_count{{{Revision}}})[{{{{window}}}}:15s]))",
        LatencyUnitsPerSecond: 1000);

    public static readonly BuiltInTemplate Vllm = new(
        "vllm",
        "vLLM's OpenAI-compatible server (http_requests_total from its HTTP instrumentation, vllm:* histograms), split by pod",
        new Dictionary<string, BuiltInMetric>
        {
            ["error_rate"] = Proportion(
                $"sum(increase(http_requests_total{{{Pods},handler=~\"/v1/.*\",status=~\"5..|5xx\"}}[{{{{window}}}}]))",
                $"sum(increase(http_requests_total{{{Pods},handler=~\"/v1/.*\"}}[{{{{window}}}}]))"),
            ["latency"] = Histogram("vllm:e2e_request_latency_seconds", Pods),
            ["latency_mean"] = HistogramMean("vllm:e2e_request_latency_seconds", Pods, 1),
            ["ttft"] = Histogram("vllm:time_to_first_token_seconds", Pods),
            ["inter_token_latency"] = Histogram("vllm:time_per_output_token_seconds", Pods),
            ["quality_score"] = Score(Pods),
        },
        $"sum(increase(http_requests_total{{{Pods},handler=~\"/v1/.*\"}}[{{{{window}}}}]))",
        $"max(max_over_time(timestamp(vllm:num_requests_running{{{Pods}}})[{{{{window}}}}:15s]))",
        LatencyUnitsPerSecond: 1);

    public static readonly BuiltInTemplate Http = new(
        "http",
        "plain HTTP server metrics (http_requests_total with a code label, http_request_duration_seconds histogram), split by pod",
        new Dictionary<string, BuiltInMetric>
        {
            ["error_rate"] = Proportion(
                $"sum(increase(http_requests_total{{{Pods},code=~\"5..\"}}[{{{{window}}}}]))",
                $"sum(increase(http_requests_total{{{Pods}}}[{{{{window}}}}]))"),
            ["latency"] = Histogram("http_request_duration_seconds", Pods),
            ["latency_mean"] = HistogramMean("http_request_duration_seconds", Pods, 1),
            ["quality_score"] = Score(Pods),
        },
        $"sum(increase(http_requests_total{{{Pods}}}[{{{{window}}}}]))",
        $"max(max_over_time(timestamp(http_requests_total{{{Pods}}})[{{{{window}}}}:15s]))",
        LatencyUnitsPerSecond: 1);

    public static IReadOnlyList<BuiltInTemplate> All { get; } = [Knative, Vllm, Http];

    public static BuiltInTemplate? Find(string name) => name switch
    {
        "kserve" => Knative,
        _ => All.FirstOrDefault(t => t.Name == name),
    };

    private static BuiltInMetric Proportion(string errors, string requests) =>
        new(MetricKind.Proportion, new Dictionary<string, string> { ["errors"] = errors, ["requests"] = requests });

    private static BuiltInMetric Histogram(string name, string selector) => new(MetricKind.Quantile, new Dictionary<string, string>
    {
        ["requests"] = $"sum(increase({name}_count{{{selector}}}[{{{{window}}}}]))",
        ["buckets"] = $"sum by (le) (increase({name}_bucket{{{selector}}}[{{{{window}}}}]))",
    });

    /// <summary>The mean of a latency histogram (in seconds), its variance bounded through the buckets.</summary>
    private static BuiltInMetric HistogramMean(string name, string selector, double unitsPerSecond) => new(MetricKind.Mean, new Dictionary<string, string>
    {
        ["sum"] = $"sum(increase({name}_sum{{{selector}}}[{{{{window}}}}]))",
        ["count"] = $"sum(increase({name}_count{{{selector}}}[{{{{window}}}}]))",
        ["buckets"] = $"sum by (le) (increase({name}_bucket{{{selector}}}[{{{{window}}}}]))",
    }, UnitsPerSecond: unitsPerSecond);

    /// <summary>An online quality score in [0, 1] exported as a summary or histogram named model_quality_score.</summary>
    private static BuiltInMetric Score(string selector) => new(MetricKind.Mean, new Dictionary<string, string>
    {
        ["sum"] = $"sum(increase(model_quality_score_sum{{{selector}}}[{{{{window}}}}]))",
        ["count"] = $"sum(increase(model_quality_score_count{{{selector}}}[{{{{window}}}}]))",
    }, (0, 1));
}
