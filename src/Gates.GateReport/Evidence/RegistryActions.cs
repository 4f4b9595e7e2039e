using System.Text.Json.Nodes;

namespace Gates.GateReport.Evidence;

/// <summary>
/// The model-registry actions the reports record (manifest-bump promote-alias: <c>details["manifest-bump"].registry</c>),
/// for the evidence bundle: which alias moved from which version to which, and the lineage tags written, per report.
/// </summary>
internal static class RegistryActions
{
    private static readonly string[] Fields = ["kind", "url", "action", "model", "alias", "before", "after", "version", "attempts"];

    public static JsonArray From(IReadOnlyList<LoadedReport> reports) =>
        new([.. reports.OrderBy(r => r.Path, StringComparer.Ordinal).SelectMany(Action)]);

    private static IEnumerable<JsonNode> Action(LoadedReport loaded)
    {
        if (loaded.Report.Details?.GetValueOrDefault("manifest-bump") is not JsonObject section || section["registry"] is not JsonObject registry)
        {
            yield break;
        }

        var action = new JsonObject { ["report"] = loaded.Path, ["outcome"] = section["outcome"]?.DeepClone() };
        foreach (var field in Fields)
        {
            action[field] = registry[field]?.DeepClone();
        }

        action["tagsWritten"] = Sorted(registry["tagsWritten"]);
        action["trainingLineage"] = Sorted(registry["trainingLineage"]);
        yield return action;
    }

    private static JsonObject Sorted(JsonNode? node)
    {
        var sorted = new JsonObject();
        foreach (var (key, value) in (node as JsonObject ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            sorted[key] = value?.DeepClone();
        }

        return sorted;
    }
}
