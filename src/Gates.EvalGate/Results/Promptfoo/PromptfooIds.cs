using System.Text.Json;
using Gates.Core;
using Gates.Core.Metrics;

namespace Gates.EvalGate.Results.Promptfoo;

/// <summary>
/// Item ids for promptfoo results: --id-field (a dotted path inside each result, such as "vars.id"), else the
/// test index, qualified by prompt index and provider only when the file has several of them.
/// </summary>
internal static class PromptfooIds
{
    public static IReadOnlyList<string> For(string path, IReadOnlyList<JsonElement> results, string? idField)
    {
        var prompts = results.Select(r => Text(r, "promptIdx")).Distinct().Count();
        var providers = results.Select(Provider).Distinct().Count();
        var ids = new List<string>(results.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < results.Count; i++)
        {
            var id = idField is null ? Default(results[i], prompts > 1, providers > 1) : Field(path, results[i], idField, i);
            if (!seen.TryAdd(id, i))
            {
                throw new GateInputException(
                    $"{path}: results[{i}] has the same item id '{id}' as results[{seen[id]}] (repeated runs?); ids must be unique to pair items (see --id-field)");
            }

            ids.Add(id);
        }

        return ids;
    }

    public static string Provider(JsonElement result)
    {
        if (!result.TryGetProperty("provider", out var provider))
        {
            return "";
        }

        if (provider.ValueKind == JsonValueKind.String)
        {
            return provider.GetString()!;
        }

        if (provider.ValueKind != JsonValueKind.Object)
        {
            return "";
        }

        var label = Text(provider, "label");
        return string.IsNullOrEmpty(label) ? Text(provider, "id") ?? "" : label;
    }

    private static string Default(JsonElement result, bool byPrompt, bool byProvider)
    {
        var id = Text(result, "testIdx") ?? "?";
        if (byPrompt)
        {
            id += "/prompt" + Text(result, "promptIdx");
        }

        return byProvider ? id + "@" + Provider(result) : id;
    }

    public static string Field(string path, JsonElement result, string idField, int index)
    {
        if (MetricLookup.TryFind(result, idField, out var value) && Scalar(value) is { } id)
        {
            return id;
        }

        throw new GateInputException($"{path}: results[{index}] has no id field '{idField}' (a string or number)");
    }

    public static string? Text(JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var value) ? Scalar(value) : null;

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };
}
