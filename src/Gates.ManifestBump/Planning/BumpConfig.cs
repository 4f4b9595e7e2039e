using Gates.ManifestBump.Editing;

namespace Gates.ManifestBump.Planning;

/// <summary>One file to edit and what to change in it (values may hold {{placeholders}}).</summary>
internal sealed record TargetSpec(string File, IReadOnlyList<EditRequest> Requests);

/// <summary>Pull/merge request settings; the branch is a template (default <c>promote/{{model}}/{{environment}}</c>).</summary>
internal sealed record PullRequestSettings
{
    public const string DefaultBranch = "promote/{{model}}/{{environment}}";

    public string? Base { get; init; }
    public string Branch { get; init; } = DefaultBranch;
    public IReadOnlyList<string> Labels { get; init; } = [];
}

/// <summary>What one manifest-bump run changes: from the command line or a config file (<c>--config</c>).</summary>
internal sealed record BumpConfig
{
    public string? Model { get; init; }
    public string? Environment { get; init; }
    public string? Version { get; init; }
    public string? MlflowAlias { get; init; }
    public IReadOnlyList<TargetSpec> Targets { get; init; } = [];
    public PullRequestSettings PullRequest { get; init; } = new();
}
