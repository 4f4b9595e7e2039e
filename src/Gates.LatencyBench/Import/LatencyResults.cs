using System.Text.Json;
using Gates.Core.Metrics;

namespace Gates.LatencyBench.Import;

/// <summary>
/// A results file read into the canonical metric names (milliseconds, per second, rates as fractions), with the
/// source document kept for dotted-path lookups of anything the mapping does not cover.
/// </summary>
internal sealed record LatencyResults
{
    public required string Path { get; init; }
    public required string Format { get; init; }
    public required string Sha256 { get; init; }
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    /// <summary>The raw record (one line of a JSONL file, one benchmark of a guidellm report), for dotted paths.</summary>
    public JsonElement? Document { get; init; }

    /// <summary>What the numbers mean in the source tool (TTFT basis, token source, percentile method …).</summary>
    public IReadOnlyDictionary<string, string> Semantics { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Why a run is not valid (native files only); empty when valid.</summary>
    public IReadOnlyList<string> InvalidReasons { get; init; } = [];

    /// <summary>Number of successful requests behind the latency distributions, when known.</summary>
    public long? Successful { get; init; }

    /// <summary>Number of finished requests (succeeded and failed), when known.</summary>
    public long? Requests { get; init; }

    /// <summary>Why some metric families are absent ("ttft": "not streamed"), used in error messages.</summary>
    public IReadOnlyDictionary<string, string> AbsentReasons { get; init; } = new Dictionary<string, string>();

    /// <summary>The recorded distributions by tag (native files written since percentile intervals exist).</summary>
    public IReadOnlyDictionary<string, HdrHistogram.LongHistogram> Histograms { get; init; } = new Dictionary<string, HdrHistogram.LongHistogram>();

    /// <summary>Finished requests per second of a live run (native files written since the timeline exists).</summary>
    public Results.ThroughputTimeline? Timeline { get; init; }

    /// <summary>The metric with its evidence; percentiles get an order-statistic interval at <paramref name="level"/>.</summary>
    public MetricObservation? Find(string metric, double level = 0.95)
    {
        if (Metrics.TryGetValue(metric, out var value))
        {
            return PercentileIntervals.Observe(metric, value, Histograms, level) ?? Observe(metric, value);
        }

        if (Document is { } doc && MetricLookup.TryFind(doc, metric, out var element) && element.ValueKind == JsonValueKind.Number)
        {
            return new MetricObservation(element.GetDouble());
        }

        return null;
    }

    public string DescribeMissing(string metric)
    {
        var family = metric.Split('_')[0];
        var why = AbsentReasons.TryGetValue(metric, out var r) || AbsentReasons.TryGetValue(family, out r) ? $" ({r})" : "";
        var near = Metrics.Keys.Where(k => k.StartsWith(family + "_", StringComparison.Ordinal)).Take(12).ToList();
        var listing = near.Count > 0
            ? $"; {family} metrics in the file: {string.Join(", ", near)}"
            : $"; metrics in the file: {string.Join(", ", Metrics.Keys.Take(15))}{(Metrics.Count > 15 ? " …" : "")}";
        return $"{Path} ({Format}) has no metric '{metric}'{why}{listing}";
    }

    private MetricObservation Observe(string metric, double value)
    {
        if (metric == "error_rate" && Requests is { } n && n > 0)
        {
            return new MetricObservation(value) { N = n, Successes = (long)Math.Round(value * n), HigherIsBetter = false };
        }

        if (MeanStdDev(metric) is { } sd)
        {
            return new MetricObservation(value) { N = Successful, StdDev = sd };
        }

        return metric.EndsWith("_ms", StringComparison.Ordinal) && Successful is { } ok
            ? new MetricObservation(value) { N = ok }
            : new MetricObservation(value);
    }

    /// <summary>
    /// For a gated mean ("ttft_mean_ms"), the file's standard deviation of the same per-request values
    /// ("ttft_stddev_ms") as a sample one: the tools write numpy's population value (ddof 0), so it is scaled by
    /// √(n/(n−1)). Pooled per-chunk values (vLLM's and genai-perf's ITL) get none: n counts requests, not chunks.
    /// </summary>
    private double? MeanStdDev(string metric)
    {
        const string suffix = "_mean_ms";
        if (!metric.EndsWith(suffix, StringComparison.Ordinal) || Successful is not { } n || n < 2)
        {
            return null;
        }

        var family = metric[..^suffix.Length];
        if (Semantics.TryGetValue(family + "_basis", out var basis) && basis.StartsWith("per_chunk_pooled", StringComparison.Ordinal))
        {
            return null;
        }

        return Metrics.TryGetValue(family + "_stddev_ms", out var sd) && double.IsFinite(sd) && sd >= 0
            ? sd * Math.Sqrt((double)n / (n - 1))
            : null;
    }
}
