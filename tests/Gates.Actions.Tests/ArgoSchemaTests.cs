using System.Globalization;
using System.Text.Json.Nodes;
using Gates.Testing;
using NJsonSchema;
using Xunit.Abstractions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Gates.Actions.Tests;

/// <summary>
/// Every Argo object in workflows-examples/ against Argo Workflows' own JSON schema (../shared/corpus/schemas,
/// v4.1.2), made strict as the corpus notes advise: an object that lists its properties takes no others, so a
/// misspelt key fails here rather than on the cluster.
/// </summary>
public class ArgoSchemaTests(ITestOutputHelper output)
{
    private const string SchemaFile = "argo-workflows-v4.1.2.schema.json";
    private static readonly string[] ArgoKinds = ["Workflow", "WorkflowTemplate", "CronWorkflow", "ClusterWorkflowTemplate"];

    public static TheoryData<string> ArgoFiles() =>
        [.. new[] { "argo", "latency-shards", "drift-profiles" }
            .SelectMany(folder => Directory.GetFiles(RepositoryPaths.Of("workflows-examples", folder), "*.yaml"))
            .Where(file => Yaml.LoadDocuments(file).Any(d => ArgoKinds.Contains(Yaml.Scalar(d.RootNode, "kind"))))
            .Select(file => Path.GetRelativePath(RepositoryPaths.Root, file))
            .Order(StringComparer.Ordinal)];

    [SkippableTheory]
    [MemberData(nameof(ArgoFiles))]
    public void Each_Argo_example_is_valid_under_the_strict_Argo_schema(string file)
    {
        var documents = Yaml.LoadDocuments(RepositoryPaths.Of(file))
            .Where(d => ArgoKinds.Contains(Yaml.Scalar(d.RootNode, "kind")))
            .ToList();

        documents.ShouldNotBeEmpty();
        foreach (var document in documents)
        {
            var kind = Yaml.Scalar(document.RootNode, "kind")!;
            var errors = Validate(kind, ToJson(document.RootNode));
            errors.ShouldBeEmpty($"{file} ({kind}) breaks the Argo schema: {string.Join("; ", errors)}");
        }
    }

    [SkippableFact]
    public void A_misspelt_key_and_a_wrong_type_are_refused()
    {
        var document = Yaml.LoadDocuments(RepositoryPaths.Of("workflows-examples", "argo", "gates-tools.yaml"))[0];
        var json = ToJson(document.RootNode).AsObject();
        var template = json["spec"]!["templates"]![0]!.AsObject();
        template["retrystrategy"] = JsonNode.Parse("""{"limit": 2}""");
        Validate("WorkflowTemplate", json).ShouldContain(e => e.Contains("retrystrategy", StringComparison.Ordinal));

        template.Remove("retrystrategy");
        json["spec"]!["templates"] = JsonNode.Parse("""{"name": "not-a-list"}""");
        Validate("WorkflowTemplate", json).ShouldNotBeEmpty();
    }

    private List<string> Validate(string kind, JsonNode document) =>
        [.. Flatten(StrictSchema(kind).Validate(document.ToJsonString())).Select(e => $"{e.Path}: {e.Kind}")];

    /// <summary>The innermost errors (the schema's single-branch oneOf nests them), which name the offending path.</summary>
    private static IEnumerable<NJsonSchema.Validation.ValidationError> Flatten(IEnumerable<NJsonSchema.Validation.ValidationError> errors) =>
        errors.SelectMany(e => e is NJsonSchema.Validation.ChildSchemaValidationError child && child.Errors.Count > 0
            ? Flatten(child.Errors.SelectMany(c => c.Value))
            : [e]);

    private readonly Dictionary<string, JsonSchema> schemas = [];

    private JsonSchema StrictSchema(string kind)
    {
        if (schemas.TryGetValue(kind, out var cached))
        {
            return cached;
        }

        var folder = SharedCorpus.Folder("schemas", output)!;
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, SchemaFile)))!.AsObject();
        foreach (var (_, definition) in root["definitions"]!.AsObject())
        {
            if (definition is JsonObject { } d && d["properties"] is JsonObject && d["additionalProperties"] is null)
            {
                d["additionalProperties"] = false;
            }
        }

        root["oneOf"] = new JsonArray(new JsonObject { ["$ref"] = $"#/definitions/io.argoproj.workflow.v1alpha1.{kind}" });
        var schema = JsonSchema.FromJsonAsync(root.ToJsonString()).GetAwaiter().GetResult();
        schemas[kind] = schema;
        return schema;
    }

    /// <summary>YAML as Kubernetes reads it: plain scalars that look like booleans, numbers or null are those.</summary>
    private static JsonNode ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(e =>
            KeyValuePair.Create(((YamlScalarNode)e.Key).Value!, ToJsonOrNull(e.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(ToJsonOrNull)]),
        YamlScalarNode scalar => Scalar(scalar)!,
        _ => throw new InvalidDataException($"unexpected YAML node {node.NodeType}"),
    };

    private static JsonNode? ToJsonOrNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" } ? null : ToJson(node);

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "true" or "True" => JsonValue.Create(true),
            "false" or "False" => JsonValue.Create(false),
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsNaN(d) && !double.IsInfinity(d) => JsonValue.Create(d),
            _ => JsonValue.Create(text),
        };
    }
}
