namespace Gates.Kubernetes;

/// <summary>One change to the cluster that applies a decision: which object, which patch, and why.</summary>
public sealed record TargetPatch
{
    /// <summary>"Deployment" or "InferenceService".</summary>
    public required string Kind { get; init; }
    public required string Namespace { get; init; }
    public required string Name { get; init; }
    /// <summary>"merge", "strategic" or "json" (JSON Patch).</summary>
    public required string PatchType { get; init; }
    public required string Body { get; init; }
    public required string Description { get; init; }
}
