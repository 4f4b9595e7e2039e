using Gates.Core;
using Gates.ManifestBump.Yaml;

namespace Gates.ManifestBump.Editing;

/// <summary>
/// <c>--field storageUri=s3://…</c>: a model-serving field named the way KServe users think of it, mapped to its path
/// for the selected object's kind (InferenceService, LLMInferenceService).
/// </summary>
internal sealed record SetField(ObjectSelector Select, string Field, string Value) : EditRequest
{
    public static readonly IReadOnlyDictionary<string, string[]> InferenceService = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["storageUri"] = ["spec.predictor.model.storageUri", "spec.predictor.*.storageUri"],
        ["runtimeVersion"] = ["spec.predictor.model.runtimeVersion", "spec.predictor.*.runtimeVersion"],
        ["image"] = ["spec.predictor.model.image", "spec.predictor.containers[0].image"],
        ["canaryTrafficPercent"] = ["spec.predictor.canaryTrafficPercent"],
        ["args"] = ["spec.predictor.model.args", "spec.predictor.*.args"],
    };

    public static readonly IReadOnlyDictionary<string, string[]> LlmInferenceService = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["model.uri"] = ["spec.model.uri"],
        ["uri"] = ["spec.model.uri"],
        ["model.name"] = ["spec.model.name"],
    };

    public override IReadOnlyList<PlannedEdit> Plan(IReadOnlyList<YamlDocument> documents, string where)
    {
        var document = Select.SelectOne(documents, where);
        var kind = (document.Root as YamlMapping)?["kind"] is YamlScalar k ? k.Value : "";
        var table = kind switch
        {
            "InferenceService" => InferenceService,
            "LLMInferenceService" => LlmInferenceService,
            _ => throw new GateInputException($"{where}: --field works on InferenceService and LLMInferenceService, not '{kind}'; use --set PATH=VALUE"),
        };

        if (!table.TryGetValue(Field, out var patterns))
        {
            throw new GateInputException($"{where}: {kind} has no field '{Field}' here (known: {string.Join(", ", table.Keys)}); use --set PATH=VALUE");
        }

        var reasons = new List<string>();
        foreach (var pattern in patterns)
        {
            foreach (var path in Expand(document.Root, pattern))
            {
                var target = Field == "args" ? ArgPath(path) : path;
                switch (PathResolver.Resolve(document, target, where))
                {
                    case Resolution.Found:
                        return [new PlannedEdit(document.Index, target, Value, Label(document, target))];
                    case Resolution.Missing m:
                        reasons.Add(m.Reason);
                        break;
                }
            }
        }

        throw new GateInputException($"{where}: {ObjectSelector.Describe(document)} has no {Field}: {string.Join("; ", reasons.Distinct())}");
    }

    public override string Describe() => $"{Field}={Value}";

    public override EditRequest Render(Func<string, string> render) => this with { Value = render(Value) };

    /// <summary>For <c>args</c> the value is one argument (<c>--model_version=13</c>); it replaces the item with the same flag.</summary>
    private YamlPath ArgPath(YamlPath list)
    {
        var eq = Value.IndexOf('=');
        return eq > 0
            ? list.Append(new PathStep.Prefix(Value[..(eq + 1)]))
            : throw new GateInputException($"--field args={Value}: give one argument as --flag=value; it replaces the argument with the same --flag=");
    }

    /// <summary>Expands one '*' step to the keys present in the document (e.g. the framework key under spec.predictor).</summary>
    private static IEnumerable<YamlPath> Expand(YamlNode root, string pattern)
    {
        var star = pattern.IndexOf(".*.", StringComparison.Ordinal);
        if (star < 0)
        {
            yield return YamlPath.Parse(pattern);
            yield break;
        }

        var parent = YamlPath.Parse(pattern[..star]);
        var rest = YamlPath.Parse(pattern[(star + 3)..]);
        var node = root;
        foreach (var step in parent.Steps)
        {
            node = (step as PathStep.Key) is { } k && node is YamlMapping m && m[k.Name] is { } next ? next : null!;
            if (node is null)
            {
                yield break;
            }
        }

        if (node is YamlMapping map)
        {
            foreach (var key in map.Entries.Select(e => e.Key).OfType<YamlScalar>().Where(k => k.Value is not ("model" or "containers")))
            {
                yield return parent.Append(new PathStep.Key(key.Value)).Append([.. rest.Steps]);
            }
        }
    }
}
