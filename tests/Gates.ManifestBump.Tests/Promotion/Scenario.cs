using Gates.ManifestBump.Editing;
using Gates.ManifestBump.Planning;
using Gates.ManifestBump.Promotion;
using Gates.ManifestBump.Yaml;

namespace Gates.ManifestBump.Tests.Promotion;

/// <summary>A GitOps repository with one InferenceService and one kustomization, and runs that promote into it.</summary>
internal static class Scenario
{
    public const string IsvcPath = "apps/fraud/prod/isvc.yaml";
    public const string KustomizationPath = "apps/fraud/prod/kustomization.yaml";

    public const string Isvc =
        "# fraud model, production\napiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nmetadata:\n  name: fraud\n  namespace: ml\n" +
        "spec:\n  predictor:\n    canaryTrafficPercent: 100\n    model:\n      modelFormat:\n        name: sklearn\n" +
        "      storageUri: 's3://models/fraud/v12'  # pinned by manifest-bump\n";

    public const string Kustomization =
        "resources:\n  - isvc.yaml\nimages:\n  - name: registry.example.com/fraud-transformer\n    newTag: \"12\"\n";

    public static Dictionary<string, string> Files => new() { [IsvcPath] = Isvc, [KustomizationPath] = Kustomization };

    public static BumpConfig StorageUri(string version) => new()
    {
        Model = "fraud",
        Environment = "prod",
        Version = version,
        Targets = [new TargetSpec(IsvcPath, [new SetField(ObjectSelector.Parse("kind=InferenceService,name=fraud"), "storageUri", "s3://models/fraud/v{{version}}")])],
        PullRequest = new PullRequestSettings { Labels = ["model-promotion"] },
    };

    public static BumpConfig Canary(string percent) => new()
    {
        Model = "fraud",
        Environment = "prod",
        Version = "12",
        Targets = [new TargetSpec(IsvcPath, [new SetField(ObjectSelector.Any, "canaryTrafficPercent", percent)])],
    };

    public static BumpConfig TransformerTag(string version) => new()
    {
        Model = "fraud",
        Environment = "prod",
        Version = version,
        Targets = [new TargetSpec(KustomizationPath, [new SetKustomizeImage(ObjectSelector.Any, "registry.example.com/fraud-transformer", [KeyValuePair.Create("newTag", "{{version}}")])])],
    };

    public static Task<RemoteResult> RunAsync(IPromotionHost host, BumpConfig config, bool dryRun = false, int attempts = 5) =>
        new RemotePromotion(host, "main", attempts).RunAsync(InputsBuilder.Build(config), InputsBuilder.Build(config).BranchName(), dryRun, CancellationToken.None);

    /// <summary>The values a file holds on a branch, for checking that no update was lost.</summary>
    public static string Value(string? yaml, string path, string? select = null)
    {
        var documents = YamlTreeReader.Read(yaml!, "x");
        var document = ObjectSelector.Parse(select).SelectOne(documents, "x");
        return PathResolver.Require(document, YamlPath.Parse(path), "x").Scalar.Value;
    }
}
