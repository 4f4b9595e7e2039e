namespace Gates.LatencyBench.Tuning;

/// <summary>The tuning-loop options of <c>latency-bench run</c>: sweep, SLO file, tuning log, server metrics.</summary>
internal sealed record TuningSettings
{
    /// <summary>--sweep: run a series of load points instead of one; null for a single run.</summary>
    public SweepPlan? Sweep { get; init; }

    /// <summary>--slo: the threshold file each sweep point must pass (the SLO); for a single run, the tuning log's "SLO met".</summary>
    public string? SloFile { get; init; }

    /// <summary>--tuning-log: the Markdown table one row per run is appended to.</summary>
    public string? TuningLog { get; init; }

    /// <summary>--change: what this run changed, as the tuning log records it.</summary>
    public string? Change { get; init; }

    /// <summary>--tuning-noise: a relative change of a key metric at or below this is noise (default 5 %).</summary>
    public double Noise { get; init; } = 0.05;

    /// <summary>--tuning-patience: this many changes in a row that move no key metric beyond noise say "stop".</summary>
    public int Patience { get; init; } = 3;

    /// <summary>--server-metrics: the server's Prometheus endpoint, scraped during the run.</summary>
    public Uri? ServerMetrics { get; init; }

    public TimeSpan ServerMetricsInterval { get; init; } = TimeSpan.FromSeconds(1);
}
