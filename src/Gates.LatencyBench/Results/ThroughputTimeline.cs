using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gates.LatencyBench.Results;

/// <summary>
/// Requests that finished in each time bucket of a live run, by when they finished: successes, errors and output
/// tokens. The "timeline" section of a results file (docs/latency-bench.md): buckets of one second from the start of
/// the run (warmup included, so the warmup can be seen), widened by doubling to at most <see cref="MaxBuckets"/>.
/// Warmup requests count as neither successes nor errors but as <see cref="Warmup"/>.
/// </summary>
internal sealed record ThroughputTimeline
{
    public const int MaxBuckets = 3600;

    public required double BucketSeconds { get; init; }
    public required double StartUnixMs { get; init; }
    /// <summary>Seconds from the start of the run to the start of the measurement (the end of the warmup).</summary>
    public double MeasureStartSeconds { get; init; }
    public required IReadOnlyList<long> Succeeded { get; init; }
    public required IReadOnlyList<long> Errors { get; init; }
    public required IReadOnlyList<long> OutputTokens { get; init; }
    public IReadOnlyList<long> Warmup { get; init; } = [];

    public int Count => Succeeded.Count;

    /// <summary>Buckets merged in pairs until at most <paramref name="max"/> are left.</summary>
    public ThroughputTimeline Coarsened(int max = MaxBuckets)
    {
        var t = this;
        while (t.Count > max)
        {
            t = t with
            {
                BucketSeconds = t.BucketSeconds * 2,
                Succeeded = Pairs(t.Succeeded),
                Errors = Pairs(t.Errors),
                OutputTokens = Pairs(t.OutputTokens),
                Warmup = Pairs(t.Warmup),
            };
        }

        return t;
    }

    public JsonObject ToJson() => new()
    {
        ["bucket_s"] = BucketSeconds,
        ["start_unix_ms"] = Math.Round(StartUnixMs, 3),
        ["measure_start_s"] = Math.Round(MeasureStartSeconds, 3),
        ["succeeded"] = Array(Succeeded),
        ["errors"] = Array(Errors),
        ["output_tokens"] = Array(OutputTokens),
        ["warmup"] = Array(Warmup),
    };

    /// <summary>The section as written by <see cref="ToJson"/>; null when absent or malformed (older files have none).</summary>
    public static ThroughputTimeline? FromJson(JsonElement root)
    {
        if (!root.TryGetProperty("timeline", out var t) || t.ValueKind != JsonValueKind.Object
            || !t.TryGetProperty("bucket_s", out var b) || !b.TryGetDouble(out var bucket) || !(bucket > 0)
            || !t.TryGetProperty("start_unix_ms", out var s) || !s.TryGetDouble(out var start)
            || Longs(t, "succeeded") is not { } ok || Longs(t, "errors") is not { } errors || errors.Count != ok.Count)
        {
            return null;
        }

        var tokens = Longs(t, "output_tokens") is { } o && o.Count == ok.Count ? o : [.. ok.Select(_ => 0L)];
        return new ThroughputTimeline
        {
            BucketSeconds = bucket,
            StartUnixMs = start,
            MeasureStartSeconds = t.TryGetProperty("measure_start_s", out var m) && m.TryGetDouble(out var ms) ? ms : 0,
            Succeeded = ok,
            Errors = errors,
            OutputTokens = tokens,
            Warmup = Longs(t, "warmup") is { } w && w.Count == ok.Count ? w : [],
        };
    }

    private static List<long>? Longs(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var a) || a.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var list = new List<long>(a.GetArrayLength());
        foreach (var item in a.EnumerateArray())
        {
            if (!item.TryGetInt64(out var v) || v < 0)
            {
                return null;
            }

            list.Add(v);
        }

        return list;
    }

    private static JsonArray Array(IReadOnlyList<long> values) => new([.. values.Select(v => (JsonNode)v)]);

    private static List<long> Pairs(IReadOnlyList<long> values) =>
        [.. Enumerable.Range(0, (values.Count + 1) / 2).Select(i => values[2 * i] + (2 * i + 1 < values.Count ? values[(2 * i) + 1] : 0))];
}
