namespace Gates.LatencyBench.Measure;

/// <summary>The histograms a run keeps (values in microseconds), by the tag used in histogram logs and metric names.</summary>
internal static class MetricTags
{
    /// <summary>End-to-end response time, from the intended start to the end of the response.</summary>
    public const string Latency = "latency";

    /// <summary>Service time, from the actual send to the end of the response (not corrected for schedule lag).</summary>
    public const string ServiceLatency = "service_latency";

    public const string Ttft = "ttft";
    public const string Tpot = "tpot";
    public const string Itl = "itl";

    /// <summary>How late each request was sent relative to its schedule.</summary>
    public const string ScheduleLag = "schedule_lag";

    public static readonly string[] All = [Latency, ServiceLatency, Ttft, Tpot, Itl, ScheduleLag];

    /// <summary>1 µs to 1 hour at 3 significant digits.</summary>
    public const long Highest = 3_600_000_000;

    public const int Digits = 3;

    public static HdrHistogram.LongHistogram NewHistogram(string tag) => new(1, Highest, Digits) { Tag = tag };
}
