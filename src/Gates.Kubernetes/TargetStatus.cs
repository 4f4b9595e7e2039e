namespace Gates.Kubernetes;

/// <summary>
/// What the cluster says about a canary and its baseline at one moment: the names the metrics are labelled with,
/// readiness, restarts, and the problems that make a rollback certain (crash loops, failed model loads).
/// </summary>
public sealed record TargetStatus
{
    /// <summary>"Deployment" or "InferenceService".</summary>
    public required string Kind { get; init; }
    public required string Namespace { get; init; }
    /// <summary>The canary's name in metric labels: a Deployment name or a KServe/Knative revision.</summary>
    public required string CanaryName { get; init; }
    public required string BaselineName { get; init; }
    /// <summary>"Serverless" or "RawDeployment" for an InferenceService.</summary>
    public string? Mode { get; init; }
    public bool CanaryReady { get; init; }
    /// <summary>Sum of container restarts over the canary's pods.</summary>
    public int CanaryRestarts { get; init; }
    /// <summary>Problems that mean the canary is broken (CrashLoopBackOff, failed model load …): roll back at once.</summary>
    public IReadOnlyList<string> Failures { get; init; } = [];
    /// <summary>Why the canary is not ready yet (not a failure on its own).</summary>
    public IReadOnlyList<string> NotReady { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>The configured canary share of traffic (0..1), when the target says.</summary>
    public double? ConfiguredCanaryShare { get; init; }
    /// <summary>The canary share the router reports (KServe traffic[]), when it does.</summary>
    public double? RoutedCanaryShare { get; init; }
    /// <summary>Image of the canary's first container (Deployments), for promotion by image.</summary>
    public string? CanaryImage { get; init; }
    /// <summary>Name of that container.</summary>
    public string? CanaryContainer { get; init; }
    /// <summary>For an InferenceService in RawDeployment mode: the name of the spec.canary[] entry.</summary>
    public string? CanaryEntry { get; init; }
    /// <summary>The object the actions patch (the InferenceService, or the canary and stable Deployments).</summary>
    public string? ObjectName { get; init; }
}
