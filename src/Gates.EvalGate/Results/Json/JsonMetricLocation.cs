using System.Text.Json;
using Gates.Core.Metrics;

namespace Gates.EvalGate.Results.Json;

/// <summary>
/// Where a metric sits in a document: its value, the key it has in its parent object, and the enclosing objects
/// from the parent outwards to the root (where a shared "n" is looked for). Paths resolve through
/// <see cref="MetricLookup"/>, so keys containing dots or commas work.
/// </summary>
internal sealed record JsonMetricLocation(JsonElement Value, string Key, IReadOnlyList<JsonElement> Scopes)
{
    public JsonElement Parent => Scopes[0];

    public static JsonMetricLocation? Find(JsonElement root, string metric)
    {
        if (!MetricLookup.TryFind(root, metric, out var value))
        {
            return null;
        }

        if (root.TryGetProperty(metric, out _))
        {
            return new JsonMetricLocation(value, metric, [root]);
        }

        for (var dot = metric.LastIndexOf('.'); dot > 0; dot = metric.LastIndexOf('.', dot - 1))
        {
            var head = metric[..dot];
            var key = metric[(dot + 1)..];
            if (MetricLookup.TryFind(root, head, out var parent) && parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(key, out _))
            {
                return new JsonMetricLocation(value, key, [parent, .. Enclosing(root, head)]);
            }
        }

        return new JsonMetricLocation(value, metric, [root]);
    }

    /// <summary>The objects enclosing <paramref name="path"/>, nearest first, ending with the root.</summary>
    private static IEnumerable<JsonElement> Enclosing(JsonElement root, string path)
    {
        for (var dot = path.LastIndexOf('.'); dot > 0; dot = path.LastIndexOf('.', dot - 1))
        {
            if (MetricLookup.TryFind(root, path[..dot], out var scope) && scope.ValueKind == JsonValueKind.Object)
            {
                yield return scope;
            }
        }

        yield return root;
    }
}
