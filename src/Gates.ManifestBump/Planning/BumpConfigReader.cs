using Gates.Core;
using Gates.ManifestBump.Editing;
using Gates.ManifestBump.Yaml;

namespace Gates.ManifestBump.Planning;

/// <summary>
/// Reads a manifest-bump config file (see docs/manifest-bump.md). Every problem is collected, with its line, into
/// one error.
/// </summary>
internal static class BumpConfigReader
{
    private static readonly string[] TopKeys = ["model", "environment", "version", "mlflow", "targets", "pullRequest"];
    private static readonly string[] TargetKeys = ["file", "select", "set", "fields", "containerImages", "kustomizeImages"];

    public static BumpConfig ReadFile(string path)
    {
        var text = ManifestFiles.Read(path).Text;
        return Read(text, path);
    }

    public static BumpConfig Read(string text, string source)
    {
        var documents = YamlTreeReader.Read(text, source);
        if (documents.Count != 1 || documents[0].Root is not YamlMapping root)
        {
            throw new GateInputException($"{source}: expected one YAML mapping with model, version and targets");
        }

        var problems = new List<string>();
        Unknown(root, TopKeys, source, "the config", problems);
        var mlflow = root["mlflow"] switch
        {
            null => null,
            YamlScalar s => s.Value,
            YamlMapping m => Text(m, "alias", source, problems),
            var other => Problem<string>(problems, $"{source}:{other.Start.Line}: mlflow: give name@alias"),
        };

        var targets = new List<TargetSpec>();
        if (root["targets"] is YamlSequence list && list.Items.Count > 0)
        {
            foreach (var item in list.Items)
            {
                if (Target(item, source, problems) is { } target)
                {
                    targets.Add(target);
                }
            }
        }
        else
        {
            problems.Add($"{source}: 'targets' must list at least one file to edit");
        }

        var pr = new PullRequestSettings();
        if (root["pullRequest"] is YamlMapping prNode)
        {
            Unknown(prNode, ["base", "branch", "labels"], source, "pullRequest", problems);
            pr = new PullRequestSettings
            {
                Base = Text(prNode, "base", source, problems),
                Branch = Text(prNode, "branch", source, problems) ?? PullRequestSettings.DefaultBranch,
                Labels = prNode["labels"] is YamlSequence labels ? [.. labels.Items.OfType<YamlScalar>().Select(s => s.Value)] : [],
            };
        }

        if (problems.Count > 0)
        {
            throw new GateInputException(problems);
        }

        return new BumpConfig
        {
            Model = Text(root, "model", source, problems),
            Environment = Text(root, "environment", source, problems),
            Version = Text(root, "version", source, problems),
            MlflowAlias = mlflow,
            Targets = targets,
            PullRequest = pr,
        };
    }

    private static TargetSpec? Target(YamlNode node, string source, List<string> problems)
    {
        if (node is not YamlMapping map)
        {
            problems.Add($"{source}:{node.Start.Line}: a target must be a mapping with 'file'");
            return null;
        }

        Unknown(map, TargetKeys, source, "a target", problems);
        var file = Text(map, "file", source, problems);
        if (file is null)
        {
            problems.Add($"{source}:{map.Start.Line}: target has no 'file'");
            return null;
        }

        var select = map["select"] switch
        {
            null => ObjectSelector.Any,
            YamlScalar s => ObjectSelector.Parse(s.Value),
            YamlMapping m => ObjectSelector.Parse(string.Join(",", Pairs(m).Select(p => $"{p.Key}={p.Value}"))),
            var other => Problem<ObjectSelector>(problems, $"{source}:{other.Start.Line}: select: give kind, name, namespace") ?? ObjectSelector.Any,
        };

        var requests = new List<EditRequest>();
        requests.AddRange(Pairs(map["set"]).Select(p => new SetPath(select, YamlPath.Parse(p.Key), p.Value)));
        requests.AddRange(Pairs(map["fields"]).Select(p => new SetField(select, p.Key, p.Value)));
        requests.AddRange(Pairs(map["containerImages"]).Select(p => new SetContainerImage(select, p.Key, p.Value)));
        if (map["kustomizeImages"] is YamlSequence images)
        {
            foreach (var image in images.Items.OfType<YamlMapping>())
            {
                var fields = Pairs(image).ToList();
                var name = fields.FirstOrDefault(f => f.Key == "name").Value;
                if (name is null || fields.Count < 2)
                {
                    problems.Add($"{source}:{image.Start.Line}: a kustomize image needs 'name' and at least one of newName, newTag, digest");
                    continue;
                }

                requests.Add(new SetKustomizeImage(select, name, [.. fields.Where(f => f.Key != "name")]));
            }
        }

        if (requests.Count == 0)
        {
            problems.Add($"{source}:{map.Start.Line}: target '{file}' changes nothing (give set, fields, containerImages or kustomizeImages)");
        }

        return new TargetSpec(file, requests);
    }

    private static IEnumerable<KeyValuePair<string, string>> Pairs(YamlNode? node) =>
        node is YamlMapping map
            ? map.Entries.Where(e => e.Key is YamlScalar && e.Value is YamlScalar)
                .Select(e => KeyValuePair.Create(((YamlScalar)e.Key).Value, ((YamlScalar)e.Value).Value))
            : [];

    private static string? Text(YamlMapping map, string key, string source, List<string> problems) => map[key] switch
    {
        null => null,
        YamlScalar s => s.Value,
        var other => Problem<string>(problems, $"{source}:{other.Start.Line}: '{key}' must be a single value"),
    };

    private static void Unknown(YamlMapping map, string[] known, string source, string what, List<string> problems)
    {
        foreach (var key in map.Entries.Select(e => e.Key).OfType<YamlScalar>().Where(k => !known.Contains(k.Value)))
        {
            problems.Add($"{source}:{key.Start.Line}: unknown key '{key.Value}' in {what} (known: {string.Join(", ", known)})");
        }
    }

    private static T? Problem<T>(List<string> problems, string problem)
        where T : class
    {
        problems.Add(problem);
        return null;
    }
}
