using System.Text.Json.Nodes;
using Gates.DriftCheck.Analysis;

namespace Gates.DriftCheck.Reports;

/// <summary>
/// The values gates can name in <c>metric:</c>: dataset counts at the top, and <c>columns.&lt;name&gt;.&lt;metric&gt;</c>
/// per column (column names may contain dots: the longest matching key wins).
/// </summary>
internal static class DriftMetrics
{
    public static JsonObject For(DriftResult result)
    {
        var columns = new JsonObject();
        foreach (var c in result.Columns)
        {
            var metrics = new JsonObject
            {
                ["drift"] = c.Status == ColumnStatus.Drift ? 1 : 0,
                ["tested"] = c.Status == ColumnStatus.NotTested ? 0 : 1,
            };
            if (c.Statistic is { } s && c.StatisticName is { } name)
            {
                metrics["statistic"] = s;
                metrics[name] = s;
            }

            if (c.PValue is { } p)
            {
                metrics["p_value"] = c.AdjustedPValue ?? p;
            }

            foreach (var (key, value) in c.Metrics.Where(m => double.IsFinite(m.Value)))
            {
                metrics[key] = value;
            }

            foreach (var signal in c.Signals)
            {
                metrics[signal.Name.Replace(' ', '_')] = signal.Value;
            }

            columns[c.Name] = metrics;
        }

        return new JsonObject
        {
            ["share_of_drifted_columns"] = result.ShareDrifted,
            ["drifted_columns"] = result.Drifted,
            ["columns_compared"] = result.Compared,
            ["insufficient_columns"] = result.Insufficient,
            ["not_tested_columns"] = result.NotTested,
            ["critical_drifted_columns"] = result.Columns.Count(c => c.Critical && c.Status == ColumnStatus.Drift),
            ["columns"] = columns,
        };
    }
}
