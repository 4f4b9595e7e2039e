namespace Gates.CanaryValidate.AbTest;

/// <summary>The A/B flags, bound and validated; each wins over the file.</summary>
internal sealed record AbFlags
{
    public DateTimeOffset? StartedAt { get; init; }
    public bool FixedHorizon { get; init; }
    public double? BaselineRate { get; init; }
    public double? Mde { get; init; }
    public TimeSpan? Interval { get; init; }
    public double? Alpha { get; init; }
    public long? MinSamples { get; init; }
    /// <summary>--outcomes: per-unit outcomes (CSV or JSONL) instead of Prometheus.</summary>
    public string? Outcomes { get; init; }
    /// <summary>--shadow: champion and challenger outcomes per request, compared paired.</summary>
    public string? Shadow { get; init; }
}
