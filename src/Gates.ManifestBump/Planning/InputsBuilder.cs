using Gates.Core;
using Gates.ManifestBump.Promotion;
using Gates.MLflow;

namespace Gates.ManifestBump.Planning;

/// <summary>Turns a config (from flags or a file) and a resolved registry version into the inputs of one run.</summary>
internal static class InputsBuilder
{
    public static BumpInputs Build(BumpConfig config, MlflowModelVersion? registry = null, IReadOnlyList<Evidence>? evidence = null)
    {
        if (config.Targets.Count == 0)
        {
            throw new GateInputException("nothing to change: give --file with --set/--field/--container-image/--kustomize-image, or --config");
        }

        if (registry is not null && config.Version is not null && config.Version != registry.Version)
        {
            throw new GateInputException($"--model-version {config.Version} disagrees with MLflow {registry.Name}@{registry.Alias} = version {registry.Version}; give one of them");
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["version"] = registry?.Version ?? config.Version,
            ["model"] = config.Model ?? registry?.Name,
            ["environment"] = config.Environment,
            ["source"] = registry?.Source,
            ["run_id"] = registry?.RunId,
        };
        var template = new Template(values);
        var targets = config.Targets.Select(t => t with { Requests = [.. t.Requests.Select(r => r.Render(template.Render))] }).ToList();
        return new BumpInputs
        {
            Model = values["model"],
            Environment = config.Environment,
            Version = values["version"],
            Source = registry?.Source,
            MlflowAlias = registry is null ? null : $"{registry.Name}@{registry.Alias}",
            Templates = config.Targets,
            Targets = targets,
            Values = values,
            Evidence = evidence ?? [],
            PullRequest = config.PullRequest,
        };
    }
}
