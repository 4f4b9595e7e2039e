using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Gates.DriftCheck.Analysis;

namespace Gates.DriftCheck.Evidently;

/// <summary>
/// The results in the shape of Evidently 0.7's <c>Snapshot.dict()</c>: <c>metrics</c> (id, metric_name, config, value)
/// and <c>tests</c> (id, name, description, status, metric_config, test_config), for dashboards that read it.
/// </summary>
internal static class EvidentlyJson
{
    public static JsonObject For(EvidentlyConfig config, DriftResult result, IReadOnlyList<EvidentlyTestResult> tests)
    {
        var metrics = EvidentlyTests.Expanded(config, result);
        var entries = metrics.Select(m => Metric(m, result)).ToList();
        return new JsonObject
        {
            ["metrics"] = new JsonArray([.. entries.Select(e => (JsonNode)e.DeepClone())]),
            ["tests"] = new JsonArray([.. tests.Select(t => (JsonNode)new JsonObject
            {
                ["id"] = t.Id,
                ["name"] = t.Name,
                ["description"] = t.Description,
                ["status"] = t.Status,
                ["metric_config"] = entries.Count > t.Metric ? new JsonObject
                {
                    ["metric"] = entries[t.Metric]["metric_name"]!.GetValue<string>(),
                    ["params"] = entries[t.Metric]["config"]!.DeepClone(),
                } : null,
                ["test_config"] = t.Test is { } test ? new JsonObject
                {
                    ["type"] = "evidently:test_v2:" + test.Type,
                    [test.Comparison == Core.Thresholds.Comparison.Eq ? "expected" : "threshold"] = test.Threshold,
                    ["is_critical"] = test.Critical,
                } : new JsonObject(),
            })]),
        };
    }

    private static JsonObject Metric(EvidentlyMetric m, DriftResult result)
    {
        var config = (JsonObject)m.Config.DeepClone();
        config["type"] = "evidently:metric_v2:" + m.Kind;
        JsonNode? value;
        string name;
        if (m.Kind == "ValueDrift")
        {
            var column = result.Columns.FirstOrDefault(c => c.Name == m.Column);
            config["column"] = m.Column;
            if (column?.Method is { } method)
            {
                config["method"] ??= method;
                config["threshold"] ??= column.Threshold;
            }

            value = column?.Statistic is { } s && double.IsFinite(s) ? s : null;
            name = $"ValueDrift(column={m.Column}{(config["method"] is { } me ? $",method={me}" : "")}{(config["threshold"] is { } th ? $",threshold={th.ToJsonString()}" : "")})";
        }
        else
        {
            config.Remove("type");
            config["type"] = "evidently:metric_v2:DriftedColumnsCount";
            config["drift_share"] = m.DriftShare;
            value = new JsonObject { ["count"] = result.Drifted, ["share"] = result.ShareDrifted };
            name = $"DriftedColumnsCount(drift_share={m.DriftShare.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
        }

        return new JsonObject
        {
            ["id"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name + config.ToJsonString())))[..32],
            ["metric_name"] = name,
            ["config"] = config,
            ["value"] = value,
        };
    }
}
