using System.Text.Json.Nodes;

namespace Gates.LatencyBench.ServerMetrics;

/// <summary>
/// What the server's own metrics say about a run, from the scrapes taken during it: queue (waiting, running),
/// KV-cache usage (max and mean of the scrapes), preemptions (counter increase from the first scrape to the last),
/// and the server's TTFT and end-to-end histograms (quantiles of the bucket increase over the run). Metric names
/// start with <c>server_</c>; the client's TTFT is reconciled with the server's as <c>ttft_client_minus_server_*</c>.
/// </summary>
internal static class ServerSummary
{
    private static readonly (string Tag, double Q)[] Quantiles = [("p50", 0.50), ("p90", 0.90), ("p95", 0.95), ("p99", 0.99)];

    public static Dictionary<string, double> Metrics(IReadOnlyList<Scrape> scrapes, IReadOnlyDictionary<string, double>? client)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal) { ["server_scrapes"] = scrapes.Count };
        if (scrapes.Count == 0)
        {
            return metrics;
        }

        Gauge(metrics, scrapes, "server_requests_waiting", VllmNames.Waiting);
        Gauge(metrics, scrapes, "server_requests_running", VllmNames.Running);
        Gauge(metrics, scrapes, "server_kv_cache_usage", VllmNames.KvCacheUsage);
        if (scrapes[^1].Sum(VllmNames.Preemptions) is { } lastPre)
        {
            var firstPre = scrapes[0].Sum(VllmNames.Preemptions) ?? 0;
            metrics["server_preemptions"] = lastPre >= firstPre ? lastPre - firstPre : lastPre;
        }

        Histogram(metrics, scrapes, "server_ttft", VllmNames.Ttft);
        Histogram(metrics, scrapes, "server_e2e", VllmNames.E2e);
        foreach (var (tag, _) in Quantiles)
        {
            if (client is not null && client.TryGetValue($"ttft_{tag}_ms", out var c) && metrics.TryGetValue($"server_ttft_{tag}_ms", out var s))
            {
                metrics[$"ttft_client_minus_server_{tag}_ms"] = c - s;
            }
        }

        return metrics;
    }

    /// <summary>The hardware or scheduling limit the server's metrics show, in words; empty when none was hit.</summary>
    public static List<string> Ceilings(IReadOnlyDictionary<string, double> m, double kvLimit = 0.9)
    {
        var found = new List<string>();
        if (m.TryGetValue("server_kv_cache_usage_max", out var kv) && kv >= kvLimit)
        {
            found.Add($"KV cache saturated (usage reached {kv:P0}): more concurrency only queues or preempts; shorter contexts, a smaller KV dtype or more GPU memory move it");
        }

        if (m.TryGetValue("server_preemptions", out var pre) && pre > 0)
        {
            found.Add($"{pre:0} preemptions: the scheduler evicted running requests to make room in the KV cache");
        }

        if (m.TryGetValue("server_requests_waiting_max", out var waiting) && waiting >= 1)
        {
            found.Add($"requests queued in the server (waiting up to {waiting:0}, mean {m.GetValueOrDefault("server_requests_waiting_mean"):0.#}): the load is past the batch the server runs at once, so capacity is reached");
        }

        return found;
    }

    public static JsonObject Section(string url, IReadOnlyList<Scrape> scrapes, int failures, IReadOnlyDictionary<string, double> metrics) => new()
    {
        ["url"] = url,
        ["scrapes"] = scrapes.Count,
        ["failed_scrapes"] = failures,
        ["ceiling"] = new JsonArray([.. Ceilings(metrics).Select(c => (JsonNode)c)]),
        ["definitions"] = new JsonObject
        {
            ["gauges"] = "server_requests_waiting/running and server_kv_cache_usage: max and mean over the scrapes of the run (summed over label sets)",
            ["server_preemptions"] = "increase of vllm:num_preemptions_total from the first scrape to the last",
            ["histograms"] = "server_ttft_* and server_e2e_*: quantiles of the bucket increase over the run, interpolated within buckets as PromQL histogram_quantile does (as coarse as the buckets)",
            ["ttft_client_minus_server"] = "client TTFT (from the intended start, includes network and queueing in front of the server) minus the server's, per percentile",
        },
    };

    private static void Gauge(Dictionary<string, double> metrics, IReadOnlyList<Scrape> scrapes, string prefix, string[] names)
    {
        var values = scrapes.Select(s => s.Sum(names)).OfType<double>().ToList();
        if (values.Count > 0)
        {
            metrics[prefix + "_max"] = values.Max();
            metrics[prefix + "_mean"] = values.Average();
        }
    }

    private static void Histogram(Dictionary<string, double> metrics, IReadOnlyList<Scrape> scrapes, string prefix, string name)
    {
        var last = scrapes[^1].Buckets(name);
        if (last.Count == 0)
        {
            return;
        }

        var delta = scrapes.Count > 1 ? BucketQuantile.Delta(scrapes[0].Buckets(name), last) : last;
        var count = delta.GetValueOrDefault(double.PositiveInfinity);
        metrics[prefix + "_count"] = count;
        var sumFirst = scrapes.Count > 1 ? scrapes[0].Sum(name + "_sum") ?? 0 : 0;
        if (count > 0 && scrapes[^1].Sum(name + "_sum") is { } sumLast)
        {
            metrics[prefix + "_mean_ms"] = (sumLast - sumFirst) / count * 1000;
        }

        foreach (var (tag, q) in Quantiles)
        {
            if (BucketQuantile.Quantile(delta, q) is { } seconds)
            {
                metrics[$"{prefix}_{tag}_ms"] = seconds * 1000;
            }
        }
    }
}
