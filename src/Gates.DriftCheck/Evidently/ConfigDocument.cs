using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gates.Core;
using YamlDotNet.RepresentationModel;

namespace Gates.DriftCheck.Evidently;

/// <summary>An Evidently config as JSON nodes: JSON as written (what Evidently reads), or the same structure in YAML.</summary>
internal static class ConfigDocument
{
    public static JsonObject Parse(string path, string text)
    {
        var trimmed = text.TrimStart();
        try
        {
            var node = trimmed.StartsWith('{') ? JsonNode.Parse(text) : FromYaml(text);
            return node as JsonObject ?? throw new GateInputException($"{path}: an Evidently config must be an object with 'metrics'");
        }
        catch (JsonException e)
        {
            throw new GateInputException($"{path}: not valid JSON: {e.Message}");
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new GateInputException($"{path}:{e.Start.Line}: not valid YAML: {e.Message}");
        }
    }

    private static JsonNode? FromYaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(e => KeyValuePair.Create(((YamlScalarNode)e.Key).Value ?? "", Convert(e.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(Convert)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode s)
    {
        var value = s.Value ?? "";
        if (s.Style != YamlDotNet.Core.ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
            _ => JsonValue.Create(value),
        };
    }
}
