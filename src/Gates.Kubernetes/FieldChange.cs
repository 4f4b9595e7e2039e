using System.Text.Json.Nodes;

namespace Gates.Kubernetes;

/// <summary>One field a patch changes: its path (spec.predictor.canaryTrafficPercent) and its value before and after (null when absent).</summary>
public sealed record FieldChange(string Path, string? Before, string? After)
{
    /// <summary>Fields the API server changes on every write; they say nothing about what the patch does.</summary>
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.Ordinal)
    {
        "metadata.resourceVersion", "metadata.generation", "metadata.managedFields", "metadata.creationTimestamp", "metadata.uid",
    };

    public override string ToString() => $"{Path}: {Before ?? "(absent)"} → {After ?? "(absent)"}";

    /// <summary>Every leaf that differs between two versions of an object, in document order (arrays compared item by item).</summary>
    public static IReadOnlyList<FieldChange> Between(JsonNode? before, JsonNode? after)
    {
        var changes = new List<FieldChange>();
        Compare("", before, after, changes);
        return changes;
    }

    private static void Compare(string path, JsonNode? before, JsonNode? after, List<FieldChange> changes)
    {
        if (Bookkeeping.Contains(path) || JsonNode.DeepEquals(before, after))
        {
            return;
        }

        switch (before, after)
        {
            case (JsonObject b, JsonObject a):
                foreach (var key in b.Select(p => p.Key).Concat(a.Select(p => p.Key).Where(k => !b.ContainsKey(k))))
                {
                    Compare(Join(path, key), b[key], a[key], changes);
                }

                break;
            case (JsonArray b, JsonArray a):
                for (var i = 0; i < Math.Max(b.Count, a.Count); i++)
                {
                    Compare($"{path}[{i}]", i < b.Count ? b[i] : null, i < a.Count ? a[i] : null, changes);
                }

                break;
            default:
                changes.Add(new FieldChange(path, Text(before), Text(after)));
                break;
        }
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };
}
