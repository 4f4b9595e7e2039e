using Gates.Cli;

namespace Gates.ManifestBump;

public enum BumpMode
{
    Local,
    GitHub,
    GitLab,
}

/// <summary>manifest-bump's bound command line.</summary>
internal sealed record ManifestBumpSettings
{
    public required CommonSettings Common { get; init; }
    public string? File { get; init; }
    public string? Select { get; init; }
    public IReadOnlyList<string> Set { get; init; } = [];
    public IReadOnlyList<string> Fields { get; init; } = [];
    public IReadOnlyList<string> ContainerImages { get; init; } = [];
    public IReadOnlyList<string> KustomizeImages { get; init; } = [];
    public string? Config { get; init; }
    public string? Version { get; init; }
    public string? Model { get; init; }
    public string? Environment { get; init; }
    public string? MlflowAlias { get; init; }
    public string? MlflowTrackingUri { get; init; }
    public string? KubeflowModel { get; init; }
    public string? KubeflowRegistryUrl { get; init; }
    public IReadOnlyList<string> Evidence { get; init; } = [];
    public bool DryRun { get; init; }
    public bool Commit { get; init; }
    public required string RepoRoot { get; init; }
    public BumpMode Mode { get; init; }
    public string? Repository { get; init; }
    public string? Base { get; init; }
    public string? Branch { get; init; }
    public IReadOnlyList<string> Labels { get; init; } = [];
    public int MaxAttempts { get; init; } = 5;
}
