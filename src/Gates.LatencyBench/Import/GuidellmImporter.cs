using System.Globalization;
using System.Text.Json;
using Gates.LatencyBench.Results;

namespace Gates.LatencyBench.Import;

/// <summary>
/// guidellm <c>benchmarks.json</c> (report version 2, and the same metric paths of v0.3): one entry per benchmark of
/// the run; each distribution has <c>successful / errored / total</c> summaries. Only successful requests are used,
/// like every other source. guidellm's "inter_token_latency_ms" is vLLM's TPOT; its "time_per_output_token_ms"
/// includes the first token and is not mapped.
/// </summary>
internal static class GuidellmImporter
{
    private static readonly (string Source, string Family, double Scale)[] Distributions =
    [
        ("request_latency", "latency", 1000),
        ("time_to_first_token_ms", "ttft", 1),
        ("time_to_first_output_token_ms", "ttft_content", 1),
        ("inter_token_latency_ms", "tpot", 1),
    ];

    public static bool Matches(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("benchmarks", out var b) && b.ValueKind == JsonValueKind.Array;

    public static int Count(JsonElement root) => root.GetProperty("benchmarks").GetArrayLength();

    public static LatencyResults Read(JsonElement root, string path, string sha, int index)
    {
        var benchmark = root.GetProperty("benchmarks")[index];
        var metrics = benchmark.TryGetProperty("metrics", out var x) && x.ValueKind == JsonValueKind.Object
            ? x
            : throw new Core.GateInputException($"{path}: benchmarks[{index}] has no 'metrics' object");
        var m = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (source, family, scale) in Distributions)
        {
            if (Successful(metrics, source) is not { } d)
            {
                continue;
            }

            Put(d, "mean", m, MetricNames.Of(family, "mean"), scale);
            Put(d, "median", m, MetricNames.Of(family, "p50"), scale);
            Put(d, "std_dev", m, MetricNames.Of(family, "stddev"), scale);
            Put(d, "min", m, MetricNames.Of(family, "min"), scale);
            Put(d, "max", m, MetricNames.Of(family, "max"), scale);
            if (d.TryGetProperty("percentiles", out var pcts) && pcts.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in pcts.EnumerateObject())
                {
                    if (Percentile(p.Name) is { } pct)
                    {
                        Put(pcts, p.Name, m, MetricNames.Of(family, MetricNames.PercentileSuffix(pct)), scale);
                    }
                }
            }
        }

        if (Successful(metrics, "requests_per_second") is { } rps)
        {
            Put(rps, "mean", m, "requests_per_second", 1);
        }

        if (Successful(metrics, "output_tokens_per_second") is { } tps)
        {
            Put(tps, "mean", m, "output_tokens_per_second", 1);
        }

        long? ok = null, total = null;
        if (metrics.TryGetProperty("request_totals", out var totals) && totals.ValueKind == JsonValueKind.Object)
        {
            ok = Long(totals, "successful");
            total = Long(totals, "total");
            var errored = Long(totals, "errored");
            if (ok is { } s && errored is { } e && total is { } t && t > 0)
            {
                m["successful_requests"] = s;
                m["failed_requests"] = e;
                m["requests"] = t;
                m["error_rate"] = (double)e / t;
            }
        }

        return new LatencyResults
        {
            Path = path,
            Format = "guidellm",
            Sha256 = sha,
            Metrics = m,
            Document = benchmark,
            Successful = ok,
            Requests = total,
            AbsentReasons = new Dictionary<string, string>
            {
                ["itl"] = "guidellm has no per-chunk gap distribution (its inter_token_latency_ms is tpot_*)",
            },
            Semantics = new Dictionary<string, string>
            {
                ["ttft_basis"] = "first_content_or_reasoning",
                ["tpot_basis"] = "per_request, token-weighted (their inter_token_latency_ms)",
                ["tokens_source"] = "usage_or_iterations",
                ["percentile_method"] = "weighted_nearest",
                ["requests_per_second"] = "mean of a rate distribution over time",
            },
        };
    }

    private static JsonElement? Successful(JsonElement metrics, string name) =>
        metrics.TryGetProperty(name, out var d) && d.ValueKind == JsonValueKind.Object
        && d.TryGetProperty("successful", out var s) && s.ValueKind == JsonValueKind.Object ? s : null;

    /// <summary>guidellm's keys: p001 = 0.1, p01 = 1, p05 = 5, p10 … p99, p999 = 99.9.</summary>
    private static double? Percentile(string key) => key switch
    {
        "p001" => 0.1,
        "p01" => 1,
        "p05" => 5,
        "p999" => 99.9,
        ['p', .. var digits] when int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 10 and <= 99 => n,
        _ => null,
    };

    private static void Put(JsonElement e, string key, Dictionary<string, double> m, string name, double scale)
    {
        if (e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number)
        {
            m[name] = v.GetDouble() * scale;
        }
    }

    private static long? Long(JsonElement e, string key) =>
        e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number ? (long)v.GetDouble() : null;
}
