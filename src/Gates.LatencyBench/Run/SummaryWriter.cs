using System.Globalization;
using Gates.LatencyBench.Import;
using Gates.LatencyBench.Measure;
using Gates.LatencyBench.Results;

namespace Gates.LatencyBench.Run;

/// <summary>The human summary of a run: counts, rates, errors by class and a percentile table per metric.</summary>
internal sealed class SummaryWriter(TextWriter writer)
{
    private static readonly (string Tag, string Label)[] Rows =
    [
        (MetricTags.Latency, "latency"),
        (MetricTags.Ttft, "ttft"),
        (MetricTags.Tpot, "tpot"),
        (MetricTags.Itl, "itl"),
        (MetricTags.ServiceLatency, "service latency"),
        (MetricTags.ScheduleLag, "schedule lag"),
    ];

    public void Write(LatencyResults results, RunRecord record)
    {
        var m = results.Metrics;
        string Get(string name, string format) => m.TryGetValue(name, out var v) ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

        writer.WriteLine($"requests   {Get("requests", "0")} finished, {Get("successful_requests", "0")} ok, {Get("failed_requests", "0")} failed (error rate {Get("error_rate", "0.####")}), {record.WarmupRequests} warmup, {record.Counts.Cancelled} cancelled");
        writer.WriteLine($"throughput {Get("requests_per_second", "0.##")} req/s, {Get("output_tokens_per_second", "0.#")} output tokens/s over {Get("duration_s", "0.###")} s (tokens from {record.TokensSource})");
        if (record.OpenLoop)
        {
            writer.WriteLine($"schedule   offered {Get("offered_requests_per_second", "0.##")} req/s, sent {Get("sent_requests_per_second", "0.##")} req/s, lag p99 {Get("schedule_lag_p99_ms", "0.###")} ms");
        }

        if (m.TryGetValue("goodput_rps", out var goodput))
        {
            writer.WriteLine($"goodput    {GoodputLine(goodput, record.Counts.Good, record.Counts.Requests, record.Goodput)}");
        }

        var errors = record.Counts.Errors.Where(kv => kv.Value > 0).Select(kv => $"{kv.Key} {kv.Value}").ToList();
        if (errors.Count > 0)
        {
            var statuses = record.Counts.ByStatus.Select(kv => $"{kv.Key}: {kv.Value}");
            writer.WriteLine($"errors     {string.Join(", ", errors)}{(record.Counts.ByStatus.Count > 0 ? $" (HTTP {string.Join(", ", statuses)})" : "")}");
        }

        writer.WriteLine($"{"ms",-16}{"p50",10}{"p90",10}{"p95",10}{"p99",10}{"max",10}{"n",10}");
        foreach (var (tag, label) in Rows)
        {
            if (!m.ContainsKey(MetricNames.Of(tag, "p50")))
            {
                continue;
            }

            writer.Write($"{label,-16}");
            foreach (var stat in new[] { "p50", "p90", "p95", "p99", "max" })
            {
                writer.Write($"{Get(MetricNames.Of(tag, stat), "0.###"),10}");
            }

            writer.WriteLine($"{Get($"{tag}_count", "0"),10}");
        }

        foreach (var reason in results.InvalidReasons)
        {
            writer.WriteLine($"INVALID    {reason}");
        }
    }

    /// <summary>"12.5 req/s, 97.0 % of 1,000 requests met every SLO (ttft:200,tpot:50)".</summary>
    public static string GoodputLine(double goodputRps, long good, long requests, GoodputObjectives? objectives)
    {
        var rate = goodputRps.ToString("0.##", CultureInfo.InvariantCulture);
        var slos = objectives is null ? "" : $" ({objectives})";
        if (requests <= 0)
        {
            return $"{rate} req/s, no requests finished{slos}";
        }

        var percent = (100.0 * good / requests).ToString("0.0", CultureInfo.InvariantCulture);
        var count = requests.ToString("N0", CultureInfo.InvariantCulture);
        return $"{rate} req/s, {percent} % of {count} request{(requests == 1 ? "" : "s")} met every SLO{slos}";
    }
}
