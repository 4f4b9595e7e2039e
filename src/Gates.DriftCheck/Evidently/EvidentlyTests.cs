using Gates.Core;
using Gates.Core.Results;
using Gates.Core.Thresholds;
using Gates.DriftCheck.Analysis;

namespace Gates.DriftCheck.Evidently;

/// <summary>One test of the config as Evidently would report it: SUCCESS, FAIL or WARNING (a failed non-critical test).</summary>
internal sealed record EvidentlyTestResult(string Id, string Name, string Description, string Status, int Metric, EvidentlyTest? Test, double? Value = null)
{
    public bool Failed => Status == "FAIL";
}

/// <summary>
/// Runs the test conditions of an Evidently config on the drift result, with Evidently's rules: explicit tests replace
/// the default ones; with <c>include_tests</c> DriftedColumnsCount tests share &lt; drift_share and every ValueDrift
/// fails when its column drifts. A config with no test at all gets the default dataset test, so the run still decides.
/// </summary>
internal static class EvidentlyTests
{
    public static (IReadOnlyList<EvidentlyTestResult> Results, string? Warning) Run(EvidentlyConfig config, DriftResult result)
    {
        var results = new List<EvidentlyTestResult>();
        foreach (var (metric, index) in Expanded(config, result).Select((m, i) => (m, i)))
        {
            results.AddRange(metric.Kind == "ValueDrift" ? ValueDrift(metric, index, config, result) : Count(metric, index, config.IncludeTests, result));
        }

        if (results.Count > 0)
        {
            return (results, null);
        }

        var share = config.Metrics.FirstOrDefault(m => m.Kind == "DriftedColumnsCount")?.DriftShare ?? 0.5;
        var fallback = Count(new EvidentlyMetric { FromPreset = true, Kind = "DriftedColumnsCount", DriftShare = share, Config = [] }, 0, includeTests: true, result);
        return ([.. fallback], $"{config.Path}: the config has no tests (include_tests is false and no metric lists tests); " +
            $"drift-check applies the default test: share of drifted columns < {Words.Number(share)}");
    }

    /// <summary>The config's metrics with one ValueDrift per column compared for each DataDriftPreset, as Evidently generates them.</summary>
    public static IReadOnlyList<EvidentlyMetric> Expanded(EvidentlyConfig config, DriftResult result)
    {
        var explicitColumns = config.Metrics.Where(m => m.Kind == "ValueDrift").Select(m => m.Column).ToHashSet();
        var expanded = new List<EvidentlyMetric>();
        foreach (var metric in config.Metrics)
        {
            expanded.Add(metric);
            if (metric.FromPreset)
            {
                expanded.AddRange(result.Columns.Where(c => c.Status != ColumnStatus.NotTested && !explicitColumns.Contains(c.Name))
                    .Select(c => new EvidentlyMetric { Kind = "ValueDrift", Column = c.Name, Config = new() { ["column"] = c.Name } }));
            }
        }

        return expanded.DistinctBy(m => (m.Kind, m.Column, m.Tests, m.ShareTests, m.Config.ToJsonString())).ToList();
    }

    public static CheckResult ToCheck(EvidentlyTestResult t) => new()
    {
        Name = $"evidently: {t.Name}",
        Metric = t.Id,
        Observed = t.Value,
        Comparison = t.Test?.Comparison,
        Threshold = t.Test?.Threshold,
        Required = t.Test?.Critical ?? true,
        Verdict = t.Status switch { "FAIL" => Verdict.Fail, "WARNING" => Verdict.Warn, _ => Verdict.Pass },
        Reason = t.Description,
    };

    private static IEnumerable<EvidentlyTestResult> Count(EvidentlyMetric m, int index, bool includeTests, DriftResult r)
    {
        var name = $"Count of Drifted Columns (drift share {Words.Number(m.DriftShare)})";
        if (m.Tests is null && m.ShareTests is null)
        {
            if (includeTests)
            {
                yield return Compare("share_of_drifted_columns", $"Share of Drifted Columns: Less {Words.Number(m.DriftShare)}", r.ShareDrifted,
                    new EvidentlyTest("LessThanMetricTest", Comparison.Lt, m.DriftShare, true), index);
            }

            yield break;
        }

        foreach (var t in m.Tests ?? [])
        {
            yield return Compare("drifted_columns", $"{name}: {Phrase(t.Comparison)} {Words.Number(t.Threshold)}", r.Drifted, t, index);
        }

        foreach (var t in m.ShareTests ?? [])
        {
            yield return Compare("share_of_drifted_columns", $"Share of Drifted Columns: {Phrase(t.Comparison)} {Words.Number(t.Threshold)}", r.ShareDrifted, t, index);
        }
    }

    private static IEnumerable<EvidentlyTestResult> ValueDrift(EvidentlyMetric m, int index, EvidentlyConfig config, DriftResult r)
    {
        var column = r.Columns.FirstOrDefault(c => c.Name == m.Column);
        if (column is null || column.Status == ColumnStatus.NotTested || column.Statistic is not { } score)
        {
            if (m.Tests is not null || config.IncludeTests)
            {
                yield return new EvidentlyTestResult("drift", $"Value Drift for column {m.Column}",
                    $"not tested: {column?.Reason ?? "no such column"}", "FAIL", index, null);
            }

            yield break;
        }

        if (m.Tests is null)
        {
            if (config.IncludeTests)
            {
                yield return new EvidentlyTestResult("drift", $"Value Drift for column {m.Column}",
                    $"Drift score is {Words.Number(score)}. The drift detection method is {column.Method}. The drift threshold is {Words.Number(column.Threshold ?? 0)}.",
                    column.Status == ColumnStatus.Drift ? "FAIL" : "SUCCESS", index, null, score);
            }

            yield break;
        }

        foreach (var t in m.Tests)
        {
            yield return Compare($"columns.{m.Column}.statistic", $"Value drift for {m.Column}: {Phrase(t.Comparison)} {Words.Number(t.Threshold)}", score, t, index);
        }
    }

    private static EvidentlyTestResult Compare(string id, string name, double value, EvidentlyTest t, int index)
    {
        var holds = t.Comparison.Holds(value, t.Threshold);
        var status = holds ? "SUCCESS" : t.Critical ? "FAIL" : "WARNING";
        return new EvidentlyTestResult(id, name, $"Actual value {Words.Number(value)} {(value < t.Threshold ? "<" : ">=")} {Words.Number(t.Threshold)}", status, index, t, value);
    }

    private static string Phrase(Comparison c) => c switch
    {
        Comparison.Lt => "Less",
        Comparison.Lte => "Less or Equal",
        Comparison.Gt => "Greater",
        Comparison.Gte => "Greater or Equal",
        _ => "Equal",
    };
}
