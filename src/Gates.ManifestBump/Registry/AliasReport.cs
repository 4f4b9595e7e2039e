using System.Text.Json.Nodes;
using Gates.Core.Results;

namespace Gates.ManifestBump.Registry;

/// <summary>The gate report of a promotion by alias: one check for the alias, one for the lineage, the action in details.</summary>
internal static class AliasReport
{
    public static IReadOnlyList<CheckResult> Checks(AliasResult r)
    {
        var alias = new CheckResult
        {
            Name = $"alias {r.Model}@{r.Alias}",
            Verdict = r.Outcome == "conflict" ? Verdict.Fail : Verdict.Pass,
            Reason = r.Message,
        };
        if (r.Outcome != "changed" || r.Version is null)
        {
            return [alias];
        }

        return [alias, new CheckResult
        {
            Name = $"lineage tags on {r.Model} version {r.Version}",
            Verdict = Verdict.Pass,
            Reason = $"{r.TagsWritten.Count} tag(s) written and read back"
                + (r.Training.Count == 0 ? "; no training lineage tags (training_dataset, training_run_id, git_commit_sha) on the version" : ""),
        }];
    }

    public static JsonObject Details(AliasResult r, string kind, string url, bool rollback) => new()
    {
        ["outcome"] = r.Outcome,
        ["version"] = r.Version,
        ["previousVersion"] = r.Before,
        ["source"] = r.Source,
        ["registry"] = new JsonObject
        {
            ["kind"] = kind,
            ["url"] = url,
            ["action"] = rollback ? "rollback" : "promote",
            ["model"] = r.Model,
            ["alias"] = r.Alias,
            ["before"] = r.Before,
            ["after"] = r.After,
            ["version"] = r.Version,
            ["attempts"] = r.Attempts,
            ["tagsWritten"] = Map(r.TagsWritten),
            ["trainingLineage"] = Map(r.Training),
        },
    };

    private static JsonObject Map(IReadOnlyDictionary<string, string> values)
    {
        var json = new JsonObject();
        foreach (var (key, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            json[key] = value;
        }

        return json;
    }
}
