using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gates.LatencyBench.Results;

namespace Gates.LatencyBench.Import;

/// <summary>
/// <c>vllm bench serve --save-result</c> (and the older benchmark_serving.py, sglang and other forks): flat keys such as
/// <c>p99_ttft_ms</c>, <c>median_e2el_ms</c>, <c>request_throughput</c>; tolerates the <c>"request_goodput:"</c> typo.
/// </summary>
internal static partial class VllmImporter
{
    private static readonly Dictionary<string, string> Families = new(StringComparer.Ordinal)
    {
        ["e2el"] = "latency",
        ["ttft"] = "ttft",
        ["tpot"] = "tpot",
        ["itl"] = "itl",
    };

    public static bool Matches(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("request_throughput", out _)
        && (root.TryGetProperty("completed", out _) || root.TryGetProperty("duration", out _));

    public static LatencyResults Read(JsonElement root, string path, string sha, string format = "vllm")
    {
        var m = new Dictionary<string, double>(StringComparer.Ordinal);
        var warnings = new List<string>();
        foreach (var p in root.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number))
        {
            var match = StatKey().Match(p.Name);
            if (match.Success && Families.TryGetValue(match.Groups["metric"].Value, out var family))
            {
                var stat = match.Groups["stat"].Value switch
                {
                    "mean" => "mean",
                    "median" => "p50",
                    "std" => "stddev",
                    var s => MetricNames.PercentileSuffix(double.Parse(s[1..], CultureInfo.InvariantCulture)),
                };
                m[MetricNames.Of(family, stat)] = p.Value.GetDouble();
            }
        }

        Copy(root, "request_throughput", m, "requests_per_second");
        Copy(root, "output_throughput", m, "output_tokens_per_second");
        Copy(root, "total_token_throughput", m, "total_tokens_per_second");
        Copy(root, "duration", m, "duration_s");
        Copy(root, "total_output_tokens", m, "output_tokens");
        if (!Copy(root, "request_goodput", m, "goodput_rps") && Copy(root, "request_goodput:", m, "goodput_rps"))
        {
            warnings.Add("read 'request_goodput:' (the old key with a trailing colon) as goodput_rps");
        }

        long? completed = Int(root, "completed");
        long? failed = Int(root, "failed");
        if (failed is null && completed is { } c && Int(root, "num_prompts") is { } prompts && prompts >= c)
        {
            failed = prompts - c;
            warnings.Add("the file has no 'failed' count (older vLLM); failed = num_prompts - completed");
        }

        if (completed is { } ok && failed is { } bad)
        {
            m["successful_requests"] = ok;
            m["failed_requests"] = bad;
            m["requests"] = ok + bad;
            if (ok + bad > 0)
            {
                m["error_rate"] = (double)bad / (ok + bad);
            }
        }

        return new LatencyResults
        {
            Path = path,
            Format = format,
            Sha256 = sha,
            Metrics = m,
            Document = root,
            Warnings = warnings,
            Successful = completed,
            Requests = completed + failed,
            AbsentReasons = new Dictionary<string, string>
            {
                ["latency"] = "vLLM writes e2el percentiles only with --percentile-metrics ttft,tpot,itl,e2el and --metric-percentiles (default p99 only)",
                ["ttft"] = "vLLM writes only the percentiles listed in --metric-percentiles (default 99), and TTFT only with a tokenizer",
                ["error"] = "the file has neither 'failed' nor 'num_prompts'",
                ["goodput"] = "run vLLM with --goodput",
            },
            Semantics = new Dictionary<string, string>
            {
                ["ttft_basis"] = "first_choices_event",
                ["itl_basis"] = "per_chunk_pooled",
                ["tpot_basis"] = "per_request",
                ["percentile_method"] = "linear",
                ["latency_origin"] = "actual_send",
            },
        };
    }

    private static bool Copy(JsonElement root, string key, Dictionary<string, double> m, string name)
    {
        if (root.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number)
        {
            m[name] = v.GetDouble();
            return true;
        }

        return false;
    }

    private static long? Int(JsonElement root, string key) =>
        root.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number ? (long)v.GetDouble() : null;

    [GeneratedRegex(@"^(?<stat>mean|median|std|p\d+(\.\d+)?)_(?<metric>[a-z0-9_]+?)_ms$")]
    private static partial Regex StatKey();
}
