using Gates.Core.Results;
using Gates.Core.Thresholds;
using Gates.DriftCheck.Analysis;
using Gates.DriftCheck.Config;

namespace Gates.DriftCheck.Reports;

/// <summary>
/// One gate-report check per column, and one per signal that fired. A drifted column warns (its weight is in the
/// dataset share); a critical column fails alone. A column that could not be tested warns, unless that is by design.
/// </summary>
internal static class ColumnChecks
{
    public static IEnumerable<CheckResult> For(ColumnResult column)
    {
        yield return Distribution(column);
        foreach (var check in RichColumnChecks.For(column))
        {
            yield return check;
        }

        foreach (var signal in column.Signals.Where(s => s.Fired && s.Severity != Severity.Off))
        {
            yield return new CheckResult
            {
                Name = $"{column.Name}: {signal.Name}",
                Metric = signal.Name.Replace(' ', '_'),
                Observed = signal.Value,
                Comparison = Comparison.Lt,
                Threshold = signal.Threshold,
                PValue = signal.PValue,
                N = column.CurrentCount,
                Required = column.Critical || signal.Severity == Severity.Fail,
                Verdict = signal.Severity == Severity.Fail ? Verdict.Fail : Verdict.Warn,
                Reason = signal.Examples.Count > 0 ? $"{signal.Words}: {string.Join(", ", signal.Examples)}" : signal.Words,
            };
        }
    }

    private static CheckResult Distribution(ColumnResult c)
    {
        var verdict = c.Status switch
        {
            ColumnStatus.Drift => c.Critical ? Verdict.Fail : Verdict.Warn,
            ColumnStatus.InsufficientData => c.Critical ? Verdict.Inconclusive : Verdict.Pass,
            ColumnStatus.NotTested => c.Expected ? Verdict.Pass : c.Critical ? Verdict.Fail : Verdict.Warn,
            _ => Verdict.Pass,
        };
        var parts = new List<string> { $"{c.Status.ToWord()}: {c.Reason}" };
        if (c.Effect is { } effect)
        {
            parts.Add(effect);
        }

        if (c.Method is { } method)
        {
            parts.Add($"{method}, n {Words.Count(c.ReferenceCount)} reference / {Words.Count(c.CurrentCount)} current");
        }

        parts.AddRange(c.Notes);
        return new CheckResult
        {
            Name = c.Name,
            Metric = c.StatisticName,
            Description = $"{c.Type} column{(c.Critical ? ", critical" : "")}: {c.TypeReason}",
            Observed = c.Statistic,
            Comparison = c.DriftWhen switch
            {
                "gte" => Comparison.Lt,
                "lte" => Comparison.Gt,
                "lt" => Comparison.Gte,
                _ => null,
            },
            Threshold = c.Threshold,
            PValue = c.AdjustedPValue ?? c.PValue,
            N = c.Status == ColumnStatus.NotTested ? null : c.CurrentCount,
            Required = c.Critical,
            Verdict = verdict,
            SamplesToResolve = c.NeededCurrentRows,
            Reason = string.Join("; ", parts),
        };
    }
}
