using Gates.LatencyBench.Results;

namespace Gates.LatencyBench.Measure;

/// <summary>
/// Counts finished requests per second of the run clock (by their end), for the throughput-and-errors chart.
/// Thread-safe; memory grows by three numbers per second of run. Cancelled requests are not counted.
/// </summary>
internal sealed class TimelineCounter(long origin, long timestampFrequency)
{
    private readonly object gate = new();
    private readonly List<long[]> buckets = [];

    public void Record(RequestOutcome r)
    {
        if (r.Cancelled || r.End < origin)
        {
            return;
        }

        var index = (int)Math.Min((r.End - origin) / timestampFrequency, int.MaxValue - 1);
        lock (gate)
        {
            while (buckets.Count <= index)
            {
                buckets.Add(new long[4]);
            }

            var bucket = buckets[index];
            if (r.Warmup)
            {
                bucket[3]++;
            }
            else if (r.Succeeded)
            {
                bucket[0]++;
                bucket[2] += r.OutputTokens ?? 0;
            }
            else
            {
                bucket[1]++;
            }
        }
    }

    /// <summary>What was counted, with the wall-clock time of the origin and the start of the measurement (ticks).</summary>
    public ThroughputTimeline Snapshot(double originUnixMs, long measureStart)
    {
        lock (gate)
        {
            return new ThroughputTimeline
            {
                BucketSeconds = 1,
                StartUnixMs = originUnixMs,
                MeasureStartSeconds = Math.Max(measureStart - origin, 0) / (double)timestampFrequency,
                Succeeded = [.. buckets.Select(b => b[0])],
                Errors = [.. buckets.Select(b => b[1])],
                OutputTokens = [.. buckets.Select(b => b[2])],
                Warmup = [.. buckets.Select(b => b[3])],
            }.Coarsened();
        }
    }
}
