namespace Gates.LatencyBench.ServerMetrics;

/// <summary>
/// The vLLM series latency-bench reads (docs.vllm.ai, "Production Metrics"); where vLLM renamed a series, the
/// newer name comes first and the older one is the fallback.
/// </summary>
internal static class VllmNames
{
    public static readonly string[] Waiting = ["vllm:num_requests_waiting"];
    public static readonly string[] Running = ["vllm:num_requests_running"];
    public static readonly string[] KvCacheUsage = ["vllm:kv_cache_usage_perc", "vllm:gpu_cache_usage_perc"];
    public static readonly string[] Preemptions = ["vllm:num_preemptions_total", "vllm:num_preemptions"];
    public const string Ttft = "vllm:time_to_first_token_seconds";
    public const string E2e = "vllm:e2e_request_latency_seconds";
}
