using Gates.Cli;

namespace Gates.ManifestBump;

/// <summary>The bound command line of <c>manifest-bump promote-alias</c>.</summary>
internal sealed record PromoteAliasSettings
{
    public required CommonSettings Common { get; init; }

    /// <summary>mlflow | kubeflow.</summary>
    public string Registry { get; init; } = "mlflow";
    public string? Model { get; init; }
    public string Alias { get; init; } = "champion";
    public string? To { get; init; }
    public string? ExpectCurrent { get; init; }
    public string? RollbackFrom { get; init; }
    public string? Environment { get; init; }
    public IReadOnlyList<string> Evidence { get; init; } = [];
    public string? ApprovedBy { get; init; }
    public string? GitCommit { get; init; }
    public string? RunUrl { get; init; }
    public bool DryRun { get; init; }
    public int MaxAttempts { get; init; } = 3;
    public string? MlflowTrackingUri { get; init; }
    public string? KubeflowRegistryUrl { get; init; }
}
