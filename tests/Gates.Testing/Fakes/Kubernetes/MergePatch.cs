using System.Text.Json.Nodes;

namespace Gates.Testing.Fakes.Kubernetes;

/// <summary>
/// RFC 7386 JSON Merge Patch; with merge keys it becomes Kubernetes' strategic merge patch, where listed arrays
/// (containers by name, …) merge item by item and an item with <c>"$patch": "delete"</c> removes its match.
/// </summary>
public static class MergePatch
{
    /// <summary>The arrays of built-in kinds that strategic merge patch merges, and the field that matches items.</summary>
    public static readonly IReadOnlyDictionary<string, string> StrategicKeys = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["containers"] = "name",
        ["initContainers"] = "name",
        ["env"] = "name",
        ["volumes"] = "name",
        ["volumeMounts"] = "mountPath",
        ["ports"] = "containerPort",
        ["imagePullSecrets"] = "name",
    };

    public static JsonNode? Apply(JsonNode? target, JsonNode? patch, IReadOnlyDictionary<string, string>? mergeKeys = null)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : [];
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else if (mergeKeys is not null && value is JsonArray items && mergeKeys.TryGetValue(name, out var key))
            {
                result[name] = MergeList(result[name] as JsonArray, items, key, mergeKeys);
            }
            else
            {
                result[name] = Apply(result[name], value, mergeKeys);
            }
        }

        return result;
    }

    private static JsonArray MergeList(JsonArray? current, JsonArray patch, string key, IReadOnlyDictionary<string, string> mergeKeys)
    {
        var result = current is null ? [] : (JsonArray)current.DeepClone();
        foreach (var item in patch)
        {
            var id = item?[key] ?? throw new PatchRejectedException($"map: {item?.ToJsonString()} does not contain declared merge key: {key}");
            var index = result.Select((n, i) => (n, i)).FirstOrDefault(p => JsonNode.DeepEquals(p.n?[key], id), (null, -1)).Item2;
            var delete = item["$patch"]?.GetValue<string>() == "delete";
            if (delete && index >= 0)
            {
                result.RemoveAt(index);
            }
            else if (!delete && index >= 0)
            {
                result[index] = Apply(result[index], item, mergeKeys);
            }
            else if (!delete)
            {
                result.Add(item.DeepClone());
            }
        }

        return result;
    }
}
