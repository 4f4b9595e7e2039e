using System.Globalization;
using System.Text.Json;

namespace Gates.EvalGate.Results.Promptfoo;

/// <summary>
/// Finds repeated test cases in promptfoo results (<c>promptfoo eval --repeat N</c> lists every run with its own
/// testIdx): results with the same test case (its vars and asserts), prompt and provider are runs of one item. The
/// item id is the test case's ordinal in the file (or the --id-field value), qualified by prompt index and provider
/// when the file has several of them.
/// </summary>
internal static class PromptfooRepeats
{
    /// <summary>The item id of every result, or null when no item repeats.</summary>
    public static IReadOnlyList<string>? ItemIds(string path, IReadOnlyList<JsonElement> results, string? idField)
    {
        var byPrompt = results.Select(r => PromptfooIds.Text(r, "promptIdx")).Distinct().Count() > 1;
        var byProvider = results.Select(PromptfooIds.Provider).Distinct().Count() > 1;
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<string>(results.Count);
        for (var i = 0; i < results.Count; i++)
        {
            string id;
            if (idField is null)
            {
                var test = TestText(results[i], i);
                if (!ordinals.TryGetValue(test, out var ordinal))
                {
                    ordinal = ordinals.Count;
                    ordinals[test] = ordinal;
                }

                id = ordinal.ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                id = PromptfooIds.Field(path, results[i], idField, i);
            }

            if (byPrompt)
            {
                id += "/prompt" + PromptfooIds.Text(results[i], "promptIdx");
            }

            ids.Add(byProvider ? id + "@" + PromptfooIds.Provider(results[i]) : id);
        }

        return ids.Distinct(StringComparer.Ordinal).Count() < ids.Count ? ids : null;
    }

    /// <summary>A readable label per item id: the test's description, else its vars.</summary>
    public static IReadOnlyDictionary<string, string> Labels(IReadOnlyList<JsonElement> results, IReadOnlyList<string> ids)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < results.Count; i++)
        {
            if (!labels.ContainsKey(ids[i]))
            {
                labels[ids[i]] = Label(results[i]);
            }
        }

        return labels;
    }

    /// <summary>What makes results runs of one test: its test case, else its vars; without either every result is its own item.</summary>
    private static string TestText(JsonElement result, int index)
    {
        foreach (var key in (string[])["testCase", "vars"])
        {
            if (result.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Object)
            {
                return value.GetRawText();
            }
        }

        return "result:" + index.ToString(CultureInfo.InvariantCulture);
    }

    private static string Label(JsonElement result)
    {
        var text = result.TryGetProperty("testCase", out var test) && test.ValueKind == JsonValueKind.Object
            && PromptfooIds.Text(test, "description") is { Length: > 0 } description
                ? description
                : result.TryGetProperty("vars", out var vars) && vars.ValueKind == JsonValueKind.Object ? vars.GetRawText() : "";
        return text.Length > 80 ? text[..77] + "..." : text;
    }
}
