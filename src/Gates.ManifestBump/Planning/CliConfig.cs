using Gates.Cli;
using Gates.Core;
using Gates.ManifestBump.Editing;
using Gates.ManifestBump.Yaml;

namespace Gates.ManifestBump.Planning;

/// <summary>Builds the run's config from the flags, on top of a config file when one is given.</summary>
internal static class CliConfig
{
    public static BumpConfig Build(ManifestBumpSettings s)
    {
        var fromFile = s.Config is { } path ? BumpConfigReader.ReadFile(path) : new BumpConfig();
        var requests = new List<EditRequest>();
        var select = ObjectSelector.Parse(s.Select);
        requests.AddRange(s.Set.Select(x => Split(x, "--set", "PATH=VALUE", (k, v) => new SetPath(select, YamlPath.Parse(k), v))));
        requests.AddRange(s.Fields.Select(x => Split(x, "--field", "NAME=VALUE", (k, v) => new SetField(select, k, v))));
        requests.AddRange(s.ContainerImages.Select(x => Split(x, "--container-image", "CONTAINER=IMAGE", (k, v) => new SetContainerImage(select, k, v))));
        requests.AddRange(s.KustomizeImages.Select(x => KustomizeImage(select, x)));
        if (requests.Count > 0 && s.File is null)
        {
            throw new GateInputException("--file is required with --set, --field, --container-image or --kustomize-image");
        }

        if (requests.Count == 0 && s.File is not null)
        {
            throw new GateInputException($"--file {s.File}: say what to change with --set, --field, --container-image or --kustomize-image");
        }

        var pr = fromFile.PullRequest;
        return fromFile with
        {
            Model = s.Model ?? fromFile.Model,
            Environment = s.Environment ?? fromFile.Environment,
            Version = s.Version ?? fromFile.Version,
            MlflowAlias = s.MlflowAlias ?? fromFile.MlflowAlias,
            Targets = [.. fromFile.Targets, .. requests.Count > 0 ? [new TargetSpec(s.File!, requests)] : Array.Empty<TargetSpec>()],
            PullRequest = pr with
            {
                Base = s.Base ?? pr.Base ?? "main",
                Branch = s.Branch ?? pr.Branch,
                Labels = [.. pr.Labels, .. s.Labels.Where(l => !pr.Labels.Contains(l))],
            },
        };
    }

    private static EditRequest Split(string text, string flag, string form, Func<string, string, EditRequest> make)
    {
        var pair = FlagValues.KeyValue(text, flag, form);
        return make(pair.Key, pair.Value);
    }

    private static SetKustomizeImage KustomizeImage(ObjectSelector select, string text)
    {
        var fields = FlagValues.KeyValueList(text, "--kustomize-image", "name=IMAGE,newTag=T[,newName=N][,digest=D]");
        var name = fields.FirstOrDefault(f => f.Key == "name").Value
            ?? throw new GateInputException($"--kustomize-image '{text}': give name=IMAGE and at least one of newName, newTag, digest");
        var rest = fields.Where(f => f.Key != "name").ToList();
        return rest.Count > 0 ? new SetKustomizeImage(select, name, rest)
            : throw new GateInputException($"--kustomize-image '{text}': give at least one of newName, newTag, digest");
    }
}
