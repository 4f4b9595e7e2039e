using Gates.Core.Results;
using Gates.Core.Thresholds;
using Gates.DriftCheck.Analysis;

namespace Gates.DriftCheck.Reports;

/// <summary>
/// One gate-report check per method of a text or embedding column ("review: domain classifier", "review: word count"):
/// a method that drifts warns, or fails on a critical column, like a drifted column.
/// </summary>
internal static class RichColumnChecks
{
    public static IEnumerable<CheckResult> For(ColumnResult column)
    {
        var methods = column.Text?.All ?? column.Embedding?.Methods ?? [];
        foreach (var m in methods)
        {
            yield return new CheckResult
            {
                Name = $"{column.Name}: {m.Name}",
                Metric = m.StatisticName,
                Description = $"{column.Type} column{(column.Critical ? ", critical" : "")}: {m.Method}",
                Observed = double.IsFinite(m.Statistic) ? m.Statistic : null,
                Comparison = Comparison.Lt,
                Threshold = double.IsFinite(m.Threshold) ? m.Threshold : null,
                PValue = m.PValue is { } p && double.IsFinite(p) ? p : null,
                N = column.CurrentCount,
                Required = column.Critical,
                Verdict = m.Drift ? (column.Critical ? Verdict.Fail : Verdict.Warn) : Verdict.Pass,
                Reason = m.Words,
            };
        }
    }
}
