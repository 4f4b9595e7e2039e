using System.Globalization;
using System.Text.Json;
using Gates.LatencyBench.Results;

namespace Gates.LatencyBench.Import;

/// <summary>
/// k6 summaries: the legacy <c>--summary-export</c> file (metric values flat, Rate as <c>value</c>), the
/// <c>handleSummary(data)</c> object (values under <c>values</c>, Rate as <c>rate</c>) and the newer machine-readable
/// summary (<c>results.metrics[]</c>). Trend values are milliseconds. <c>http_reqs.rate</c> counts failed requests too.
/// </summary>
internal static class K6Importer
{
    private static readonly string[] TtftNames = ["ttft", "time_to_first_token"];

    public static bool Matches(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && ((root.TryGetProperty("metrics", out var m) && m.ValueKind == JsonValueKind.Object && (m.TryGetProperty("http_reqs", out _) || m.TryGetProperty("http_req_duration", out _) || root.TryGetProperty("root_group", out _)))
            || (root.TryGetProperty("results", out var r) && r.ValueKind == JsonValueKind.Object && r.TryGetProperty("metrics", out var a) && a.ValueKind == JsonValueKind.Array));

    public static LatencyResults Read(JsonElement root, string path, string sha)
    {
        var (shape, metrics) = Metrics(root);
        var m = new Dictionary<string, double>(StringComparer.Ordinal);
        if (metrics.TryGetValue("http_req_duration", out var duration))
        {
            Trend(duration, "latency", m);
        }

        foreach (var name in TtftNames)
        {
            if (metrics.TryGetValue(name, out var ttft))
            {
                Trend(ttft, "ttft", m);
            }
        }

        long? requests = null;
        if (metrics.TryGetValue("http_reqs", out var reqs))
        {
            Num(reqs, "rate", m, "requests_per_second");
            requests = Num(reqs, "count", m, "requests") ? (long)m["requests"] : null;
        }

        if (metrics.TryGetValue("http_req_failed", out var failed))
        {
            // Rate metrics: legacy export writes the rate as "value"; handleSummary and the new summary as "rate".
            if (!Num(failed, "rate", m, "error_rate"))
            {
                Num(failed, "value", m, "error_rate");
            }
        }

        return new LatencyResults
        {
            Path = path,
            Format = $"k6 ({shape})",
            Sha256 = sha,
            Metrics = m,
            Document = root,
            Requests = requests,
            AbsentReasons = new Dictionary<string, string>
            {
                ["ttft"] = "k6 has no TTFT; record a custom Trend named 'ttft' or gate a dotted path such as metrics.my_trend.p(95)",
                ["tpot"] = "k6 sees no tokens",
                ["itl"] = "k6 sees no tokens",
                ["latency"] = "k6 writes only the percentiles listed in summaryTrendStats (default avg, min, med, max, p(90), p(95))",
            },
            Semantics = new Dictionary<string, string>
            {
                ["latency_basis"] = "http_req_duration (sending + waiting + receiving; excludes connect)",
                ["requests_per_second"] = "http_reqs.rate, includes failed requests",
                ["percentile_method"] = "linear",
                ["latency_origin"] = "actual_send",
            },
        };
    }

    private static (string Shape, Dictionary<string, JsonElement> Metrics) Metrics(JsonElement root)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (root.TryGetProperty("results", out var r) && r.ValueKind == JsonValueKind.Object && r.TryGetProperty("metrics", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                if (item.TryGetProperty("name", out var n) && item.TryGetProperty("values", out var v))
                {
                    result[n.GetString() ?? ""] = v;
                }
            }

            return ("machine-readable summary", result);
        }

        var handleSummary = false;
        foreach (var p in root.GetProperty("metrics").EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Object)
            {
                result[p.Name] = values;
                handleSummary = true;
            }
            else
            {
                result[p.Name] = p.Value;
            }
        }

        return (handleSummary ? "handleSummary" : "summary-export", result);
    }

    private static void Trend(JsonElement values, string family, Dictionary<string, double> m)
    {
        foreach (var p in values.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number))
        {
            var stat = p.Name switch
            {
                "avg" => "mean",
                "med" => "p50",
                "min" or "max" => p.Name,
                _ when p.Name.StartsWith("p(", StringComparison.Ordinal) && p.Name.EndsWith(')')
                    && double.TryParse(p.Name[2..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var pct) => MetricNames.PercentileSuffix(pct),
                _ => null,
            };
            if (stat is not null)
            {
                m[MetricNames.Of(family, stat)] = p.Value.GetDouble();
            }
        }
    }

    private static bool Num(JsonElement values, string key, Dictionary<string, double> m, string name)
    {
        if (values.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number)
        {
            m[name] = v.GetDouble();
            return true;
        }

        return false;
    }
}
