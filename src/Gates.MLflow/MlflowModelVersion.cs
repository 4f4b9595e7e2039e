namespace Gates.MLflow;

/// <summary>A concrete registered-model version an alias pointed to when it was resolved.</summary>
public sealed record MlflowModelVersion(string Name, string Alias, string Version, string? Source, string? RunId);
