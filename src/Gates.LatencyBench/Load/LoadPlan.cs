namespace Gates.LatencyBench.Load;

/// <summary>
/// How much load, for how long. Closed loop: <see cref="Concurrency"/> workers each send their next request as soon
/// as the previous one finished. Open loop: requests start on the schedule of <see cref="Rate"/>, whatever the
/// server does, with at most <see cref="MaxInFlight"/> outstanding.
/// </summary>
internal sealed record LoadPlan
{
    public int Concurrency { get; init; } = 1;
    public double? Rate { get; init; }
    public ArrivalPattern Pattern { get; init; } = ArrivalPattern.Constant;
    public double Burstiness { get; init; } = 1;
    public int Seed { get; init; } = 42;

    /// <summary>Length of the measurement phase; null when bounded by <see cref="Requests"/> only.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Number of measured requests; null when bounded by <see cref="Duration"/> only.</summary>
    public long? Requests { get; init; }

    public TimeSpan Warmup { get; init; }
    public long WarmupRequests { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
    public int MaxInFlight { get; init; } = 1000;

    public bool OpenLoop => Rate is not null;
}

/// <summary>Run-clock ticks of the phases of a finished run.</summary>
internal sealed record LoadTimeline(long Start, long MeasureStart, long End, bool Interrupted);
