using Gates.LatencyBench.Measure;
using HdrHistogram;

namespace Gates.LatencyBench.Results;

/// <summary>
/// Turns counters, histograms and the measurement window into the flat metric set of a results file. A metric with
/// no data (no streamed responses for TTFT, no successful request for latency) is left out, never written as 0.
/// </summary>
internal static class ResultsCalculator
{
    public static SortedDictionary<string, double> Metrics(RunCounts counts, IReadOnlyDictionary<string, LongHistogram> histograms,
        RunWindow window, double? offeredRate, bool goodputAsked)
    {
        var m = new SortedDictionary<string, double>(StringComparer.Ordinal)
        {
            ["requests"] = counts.Requests,
            ["successful_requests"] = counts.Succeeded,
            ["failed_requests"] = counts.Failed,
            ["duration_s"] = Round(window.Seconds, 6),
            ["output_tokens"] = counts.OutputTokens,
        };
        if (counts.Requests > 0)
        {
            m["error_rate"] = (double)counts.Failed / counts.Requests;
            foreach (var error in ErrorClasses.All)
            {
                m[$"error_rate_{error.Name()}"] = (double)counts.Errors.GetValueOrDefault(error.Name()) / counts.Requests;
            }
        }

        var seconds = window.Seconds;
        if (seconds > 0)
        {
            m["requests_per_second"] = counts.Succeeded / seconds;
            if (counts.Succeeded > 0 && counts.TokensUnknown < counts.Succeeded)
            {
                m["output_tokens_per_second"] = counts.OutputTokens / seconds;
                if (counts.PromptTokens > 0)
                {
                    m["total_tokens_per_second"] = (counts.OutputTokens + counts.PromptTokens) / seconds;
                }
            }

            if (goodputAsked)
            {
                m["goodput_rps"] = counts.Good / seconds;
            }
        }

        if (goodputAsked && counts.Requests > 0)
        {
            m["good_request_fraction"] = (double)counts.Good / counts.Requests;
        }

        if (window is { FirstSentUnixMs: { } first, LastSentUnixMs: { } last } && counts.Sent > 1 && last > first)
        {
            m["sent_requests_per_second"] = (counts.Sent - 1) / ((last - first) / 1000);
        }

        if (offeredRate is { } offered)
        {
            m["offered_requests_per_second"] = offered;
        }

        foreach (var (tag, histogram) in histograms)
        {
            AddDistribution(m, tag, histogram);
        }

        return m;
    }

    public static void AddDistribution(IDictionary<string, double> m, string tag, HistogramBase h)
    {
        if (h.TotalCount == 0)
        {
            return;
        }

        foreach (var (suffix, p) in MetricNames.Percentiles)
        {
            m[MetricNames.Of(tag, suffix)] = Ms(Percentile.ValueAt(h, p));
        }

        m[MetricNames.Of(tag, "max")] = Ms(h.GetMaxValue());
        m[MetricNames.Of(tag, "min")] = Ms(h.LowestEquivalentValue(MinValue(h)));
        m[MetricNames.Of(tag, "mean")] = Round(h.GetMean() / 1000, 3);
        m[MetricNames.Of(tag, "stddev")] = Round(h.GetStdDeviation() / 1000, 3);
        m[$"{tag}_count"] = h.TotalCount;
    }

    private static long MinValue(HistogramBase h)
    {
        foreach (var v in h.RecordedValues())
        {
            return v.ValueIteratedTo;
        }

        return 0;
    }

    private static double Ms(long micros) => micros / 1000.0;

    private static double Round(double value, int digits) => Math.Round(value, digits);
}
