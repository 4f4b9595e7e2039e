using Gates.Testing.Prometheus;

namespace Gates.CanaryValidate.Tests.Scenarios;

/// <summary>Deterministic Knative queue-proxy counters (revision_request_count by response_code_class) for one revision.</summary>
internal static class KnativeSeries
{
    public const string Namespace = "ai-production";
    public static readonly DateTimeOffset From = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static OpenMetricsWriter Revision(this OpenMetricsWriter writer, string revision, double perSecond, double errorRate, TimeSpan? length = null)
    {
        var span = length ?? TimeSpan.FromMinutes(20);
        var labels = $"namespace_name=\"{Namespace}\",revision_name=\"{revision}\"";
        return writer
            .Counter("revision_request_count", $"{labels},response_code_class=\"2xx\"", From, span, perSecond * (1 - errorRate))
            .Counter("revision_request_count", $"{labels},response_code_class=\"5xx\"", From, span, perSecond * errorRate);
    }

    /// <summary>Plain HTTP counters (http_requests_total by code) of one pod of a Deployment.</summary>
    public static OpenMetricsWriter Pod(this OpenMetricsWriter writer, string pod, double perSecond, double errorRate)
    {
        var span = TimeSpan.FromMinutes(20);
        var labels = $"namespace=\"{Namespace}\",pod=\"{pod}\"";
        return writer
            .Counter("http_requests_total", $"{labels},code=\"200\"", From, span, perSecond * (1 - errorRate))
            .Counter("http_requests_total", $"{labels},code=\"503\"", From, span, perSecond * errorRate);
    }

    /// <summary>vLLM OpenAI-server metrics of one pod: http_requests_total by status class and the e2e latency histogram.</summary>
    public static OpenMetricsWriter VllmPod(this OpenMetricsWriter writer, string pod, double perSecond, double errorRate, double slowShare)
    {
        var span = TimeSpan.FromMinutes(20);
        var labels = $"namespace=\"{Namespace}\",pod=\"{pod}\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"";
        writer
            .Counter("http_requests_total", $"{labels},handler=\"/v1/chat/completions\",method=\"POST\",status=\"2xx\"", From, span, perSecond * (1 - errorRate))
            .Counter("http_requests_total", $"{labels},handler=\"/v1/chat/completions\",method=\"POST\",status=\"5xx\"", From, span, perSecond * errorRate)
            .Counter("http_requests_total", $"{labels},handler=\"/metrics\",method=\"GET\",status=\"2xx\"", From, span, 0.1);
        foreach (var (le, share) in new[] { ("1.0", 0.6 * (1 - slowShare)), ("2.5", 1 - slowShare), ("5.0", 1 - (slowShare / 3)), ("+Inf", 1.0) })
        {
            writer.Counter("vllm:e2e_request_latency_seconds_bucket", $"{labels},le=\"{le}\"", From, span, perSecond * share);
        }

        return writer
            .Counter("vllm:e2e_request_latency_seconds_count", labels, From, span, perSecond)
            .Series("vllm:num_requests_running", labels, From, span, _ => 3);
    }

    /// <summary>An online quality score in [0, 1] (summary sum and count) with the given mean, per revision.</summary>
    public static OpenMetricsWriter Quality(this OpenMetricsWriter writer, string revision, double perSecond, double mean)
    {
        var span = TimeSpan.FromMinutes(20);
        var labels = $"namespace_name=\"{Namespace}\",revision_name=\"{revision}\"";
        return writer
            .Counter("model_quality_score_count", labels, From, span, perSecond)
            .Series("model_quality_score_sum", labels, From, span, s => Math.Floor(perSecond * s) * mean);
    }

    /// <summary>A latency histogram in milliseconds where <paramref name="slowShare"/> of requests exceed 500 ms.</summary>
    public static OpenMetricsWriter Latencies(this OpenMetricsWriter writer, string revision, double perSecond, double slowShare, double meanMs = 150)
    {
        var labels = $"namespace_name=\"{Namespace}\",revision_name=\"{revision}\"";
        var span = TimeSpan.FromMinutes(20);
        foreach (var (le, share) in new[] { ("100", 0.5 * (1 - slowShare)), ("500", 1 - slowShare), ("1000", 1 - (slowShare / 2)), ("+Inf", 1.0) })
        {
            writer.Counter("revision_request_latencies_bucket", $"{labels},le=\"{le}\"", From, span, perSecond * share);
        }

        return writer
            .Counter("revision_request_latencies_count", labels, From, span, perSecond)
            .Series("revision_request_latencies_sum", labels, From, span, s => Math.Floor(perSecond * s) * meanMs);
    }
}
