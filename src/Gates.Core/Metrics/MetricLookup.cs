using System.Text.Json;

namespace Gates.Core.Metrics;

/// <summary>
/// Finds a metric in a JSON tree by name: a flat key, a dotted path into nested objects, or a key that
/// itself contains dots or commas ("acc,none", "results.mmlu.acc,none"). At each level the longest
/// key that matches a prefix of the remaining path wins.
/// </summary>
public static class MetricLookup
{
    public static bool TryFind(JsonElement root, string path, out JsonElement value)
    {
        value = default;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (root.TryGetProperty(path, out value))
        {
            return true;
        }

        var dots = new List<int>();
        for (var i = path.IndexOf('.'); i >= 0; i = path.IndexOf('.', i + 1))
        {
            dots.Add(i);
        }

        for (var d = dots.Count - 1; d >= 0; d--)
        {
            var head = path[..dots[d]];
            if (root.TryGetProperty(head, out var child) && TryFind(child, path[(dots[d] + 1)..], out value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every numeric leaf as (dotted path, value); used for listings and "did you mean".</summary>
    public static IEnumerable<string> NumericPaths(JsonElement root, string prefix = "")
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var property in root.EnumerateObject())
        {
            var path = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
            if (property.Value.ValueKind == JsonValueKind.Number)
            {
                yield return path;
            }
            else
            {
                foreach (var nested in NumericPaths(property.Value, path))
                {
                    yield return nested;
                }
            }
        }
    }
}
