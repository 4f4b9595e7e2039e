namespace Gates.Kubernetes;

/// <summary>
/// What the API server answered to one patch: the fields it changed (or, in a server-side dry run, would change),
/// computed from the object before the patch and the object the server returned.
/// </summary>
public sealed record PatchOutcome(bool ServerDryRun, IReadOnlyList<FieldChange> Changes);
