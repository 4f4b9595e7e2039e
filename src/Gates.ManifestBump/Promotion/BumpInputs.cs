using Gates.ManifestBump.Planning;

namespace Gates.ManifestBump.Promotion;

/// <summary>Everything one run pins, resolved: version (from the flag or the registry) and rendered targets.</summary>
internal sealed record BumpInputs
{
    public string? Model { get; init; }
    public string? Environment { get; init; }
    public string? Version { get; init; }
    public string? Source { get; init; }
    public string? MlflowAlias { get; init; }
    /// <summary>Targets as written (with placeholders), for finding the previous version in old values.</summary>
    public required IReadOnlyList<TargetSpec> Templates { get; init; }
    public required IReadOnlyList<TargetSpec> Targets { get; init; }
    public required IReadOnlyDictionary<string, string?> Values { get; init; }
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];
    public PullRequestSettings PullRequest { get; init; } = new();

    /// <summary>The pull-request branch with its placeholders filled (default promote/&lt;model&gt;/&lt;environment&gt;).</summary>
    public string BranchName() => new Template(Values).Render(PullRequest.Branch);
}
