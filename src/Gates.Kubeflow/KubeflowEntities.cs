using System.Text.Json.Nodes;

namespace Gates.Kubeflow;

/// <summary>A RegisteredModel or ModelVersion of the registry: its id, name, state and custom properties as sent.</summary>
/// <param name="CustomProperties">The registry's MetadataValue objects by key, kept whole so a PATCH sends back what it read.</param>
public sealed record KubeflowEntity(string Id, string Name, string? State, JsonObject CustomProperties)
{
    public bool Archived => State == "ARCHIVED";

    /// <summary>The string-valued custom properties (<c>MetadataStringValue</c>), the form Gates reads and writes.</summary>
    public IReadOnlyDictionary<string, string> Strings => CustomProperties
        .Where(p => p.Value?["metadataType"]?.GetValue<string>() == "MetadataStringValue" && p.Value["string_value"] is not null)
        .ToDictionary(p => p.Key, p => p.Value!["string_value"]!.GetValue<string>(), StringComparer.Ordinal);

    /// <summary>All custom properties with <paramref name="changes"/> applied as string values (null removes a key).</summary>
    public JsonObject With(IReadOnlyDictionary<string, string?> changes)
    {
        var result = (JsonObject)CustomProperties.DeepClone();
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                result[key] = new JsonObject { ["string_value"] = value, ["metadataType"] = "MetadataStringValue" };
            }
        }

        return result;
    }

    internal static KubeflowEntity From(JsonNode json) => new(
        json["id"]?.GetValue<string>() ?? throw new Gates.Core.GateRuntimeException("Kubeflow Model Registry answered an entity without an id"),
        json["name"]?.GetValue<string>() ?? "",
        json["state"]?.GetValue<string>(),
        json["customProperties"] as JsonObject is { } props ? (JsonObject)props.DeepClone() : []);
}

/// <summary>A registered model's version resolved to what a manifest pins: the model artifact's URI.</summary>
public sealed record KubeflowResolvedVersion(KubeflowEntity Model, KubeflowEntity Version, string? Uri);
