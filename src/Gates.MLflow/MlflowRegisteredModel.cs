namespace Gates.MLflow;

/// <summary>A registered model as <c>registered-models/get</c> returns it: its aliases (alias → version) and tags.</summary>
public sealed record MlflowRegisteredModel(string Name, IReadOnlyDictionary<string, string> Aliases, IReadOnlyDictionary<string, string> Tags);

/// <summary>A model version as <c>model-versions/get</c> returns it, with its tags and the aliases pointing at it.</summary>
public sealed record MlflowVersionDetails(
    string Name, string Version, string? Source, string? RunId, string? Status, IReadOnlyDictionary<string, string> Tags, IReadOnlyList<string> Aliases);
