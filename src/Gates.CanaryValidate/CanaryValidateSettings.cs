using Gates.CanaryValidate.Config;
using Gates.CanaryValidate.Target;
using Gates.Cli;

namespace Gates.CanaryValidate;

/// <summary>canary-validate's bound command line.</summary>
internal sealed record CanaryValidateSettings
{
    public required CommonSettings Common { get; init; }
    public string? Config { get; init; }
    public required CanaryOverrides Overrides { get; init; }
    public string? Deployment { get; init; }
    public string? StableDeployment { get; init; }
    public string? InferenceService { get; init; }
    public string? Namespace { get; init; }
    public string? Kubeconfig { get; init; }
    public string? Context { get; init; }
    /// <summary>--canary-name: the canary's name in metric labels, when no Kubernetes target is read (or to override it).</summary>
    public string? Canary { get; init; }
    /// <summary>--baseline-name: the baseline's name in metric labels.</summary>
    public string? Baseline { get; init; }
    /// <summary>From GATES_PROMETHEUS_TOKEN only (never a flag).</summary>
    public string? PrometheusToken { get; init; }
    public string? PrometheusUser { get; init; }
    public string? PrometheusPassword { get; init; }
    public bool Act { get; init; }
    public DryRunMode DryRun { get; init; }
}
