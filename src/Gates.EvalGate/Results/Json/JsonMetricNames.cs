using System.Text.Json;

namespace Gates.EvalGate.Results.Json;

/// <summary>Lists the metrics of a plain metric document: numeric leaves and value objects, without companions.</summary>
internal static class JsonMetricNames
{
    public static List<string> Collect(JsonElement root)
    {
        var names = new List<string>();
        Walk(root, "", null, names);
        return names;
    }

    private static void Walk(JsonElement element, string prefix, string? valueKey, List<string> names)
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = prefix + property.Name;
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Number || MetricConventions.IsNonFiniteString(value))
            {
                if (!MetricConventions.IsCompanion(element, property.Name, valueKey))
                {
                    names.Add(name);
                }
            }
            else if (value.ValueKind == JsonValueKind.Object)
            {
                var childValueKey = MetricConventions.ValueKey(value);
                if (childValueKey is not null)
                {
                    names.Add(name);
                }

                Walk(value, name + ".", childValueKey, names);
            }
        }
    }
}
