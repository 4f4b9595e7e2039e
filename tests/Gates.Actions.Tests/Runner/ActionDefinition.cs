using YamlDotNet.RepresentationModel;

namespace Gates.Actions.Tests.Runner;

public sealed record ActionInput(string Name, string Description, bool Required, string? Default);

public sealed record ActionOutput(string Name, string Description, string Value);

public sealed record ActionStep(
    string? Id,
    string? Name,
    string? If,
    string? Shell,
    string? Run,
    string? Uses,
    IReadOnlyDictionary<string, string> With,
    IReadOnlyDictionary<string, string> Env,
    string? WorkingDirectory,
    bool ContinueOnError);

/// <summary>A composite action's metadata (action.yml), read as plain data.</summary>
public sealed record ActionDefinition(
    string Directory,
    string Name,
    string Using,
    IReadOnlyList<ActionInput> Inputs,
    IReadOnlyList<ActionOutput> Outputs,
    IReadOnlyList<ActionStep> Steps)
{
    public static ActionDefinition Load(string directory)
    {
        var path = Path.Combine(directory, "action.yml");
        var root = Yaml.LoadMapping(path);
        var runs = Yaml.Mapping(root, "runs") ?? throw new InvalidDataException($"{path}: no runs:");
        return new ActionDefinition(
            directory,
            Yaml.Scalar(root, "name") ?? "",
            Yaml.Scalar(runs, "using") ?? "",
            Yaml.Entries(root, "inputs").Select(e => new ActionInput(
                e.Key,
                Yaml.Scalar(e.Value, "description") ?? "",
                Yaml.Scalar(e.Value, "required") == "true",
                Yaml.Scalar(e.Value, "default"))).ToList(),
            Yaml.Entries(root, "outputs").Select(e => new ActionOutput(
                e.Key,
                Yaml.Scalar(e.Value, "description") ?? "",
                Yaml.Scalar(e.Value, "value") ?? "")).ToList(),
            Yaml.Sequence(runs, "steps").Select(ReadStep).ToList());
    }

    public ActionInput? Input(string name) => Inputs.FirstOrDefault(i => i.Name == name);

    private static ActionStep ReadStep(YamlNode node)
    {
        var step = (YamlMappingNode)node;
        return new ActionStep(
            Yaml.Scalar(step, "id"),
            Yaml.Scalar(step, "name"),
            Yaml.Scalar(step, "if"),
            Yaml.Scalar(step, "shell"),
            Yaml.Scalar(step, "run"),
            Yaml.Scalar(step, "uses"),
            Yaml.ScalarMap(step, "with"),
            Yaml.ScalarMap(step, "env"),
            Yaml.Scalar(step, "working-directory"),
            Yaml.Scalar(step, "continue-on-error") == "true");
    }
}
