using Gates.Kubernetes;

namespace Gates.CanaryValidate.Analysis;

internal enum CanaryDecision
{
    Promote,
    Rollback,
    Inconclusive,
}

/// <summary>One look of the timeline.</summary>
internal sealed record LookRecord(int Number, DateTimeOffset At, TimeSpan Window, IReadOnlyList<GateLook> Gates, TrafficCounts? Traffic, string? Note);

/// <summary>The result of the analysis loop: the decision, why, and the evidence.</summary>
internal sealed record AnalysisOutcome
{
    public required CanaryDecision Decision { get; init; }
    public required string Reason { get; init; }
    public required IReadOnlyList<LookRecord> Looks { get; init; }
    /// <summary>Each gate's last look, with the end-of-analysis status (no-data policy applied).</summary>
    public required IReadOnlyList<GateLook> Gates { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];
    public bool StoppedEarly { get; init; }
    public TimeSpan Elapsed { get; init; }
    public TargetStatus? Target { get; init; }
    /// <summary>Why the canary workload itself is bad (crash loop, restarts), when it is.</summary>
    public string? HealthFailure { get; init; }
    /// <summary>Why the data could not be trusted (backend down, no series, stale), when it could not.</summary>
    public string? DataProblem { get; init; }
    /// <summary>Why a backend (Prometheus, Kubernetes) could not be read, or the run was cancelled, when that ended it.</summary>
    public string? BackendFailure { get; init; }
    public double? CanaryRequestsPerMinute { get; init; }
    public double? SrmPValue { get; init; }
}
