using Gates.CanaryValidate.Analysis;
using Gates.Core;
using Gates.Core.Results;
using Gates.Core.Statistics.Experiments;

namespace Gates.CanaryValidate.AbTest;

/// <summary>
/// Shadow mode: the champion (control) served every request and the challenger (treatment) answered the same request
/// unseen; each row holds both outcomes (<c>champion_&lt;column&gt;</c> and <c>challenger_&lt;column&gt;</c>, or nested
/// <c>champion</c> / <c>challenger</c> objects in JSONL). Metrics are compared pair by pair. Guardrails do not apply:
/// the challenger's answers reached nobody.
/// </summary>
internal static class ShadowRun
{
    public static (AbSchedule, AbOutcome, IReadOnlyList<InputFile>) Analyze(AbTestDefinition test, string path)
    {
        var table = OutcomeTable.Read(path, "shadow");
        var metrics = test.Primary.Concat(test.Secondary).Where(m => m.Kind != AbMetricKind.Quantile).ToList();
        var problems = metrics.SelectMany(m => new[] { $"champion_{m.Numerator}", $"challenger_{m.Numerator}" })
            .Where(c => !table.Columns.Contains(c)).Select(c => $"{path}: no column '{c}' (columns: {string.Join(", ", table.Columns.Order())})").ToList();
        if (problems.Count > 0)
        {
            throw new GateInputException(problems);
        }

        var s = test.Settings;
        var looks = new List<AbMetricLook>();
        foreach (var metric in metrics)
        {
            var role = test.Primary.Contains(metric) ? "primary" : "secondary";
            var pairs = table.Rows.Select((r, i) => (C: table.Number(r, $"champion_{metric.Numerator}", i + 2, path), T: table.Number(r, $"challenger_{metric.Numerator}", i + 2, path)))
                .Where(p => p.C is not null && p.T is not null).Select(p => (C: p.C!.Value, T: p.T!.Value)).ToList();
            if (role == "secondary" && s.Secondary == SecondaryMode.Report || pairs.Count < 2)
            {
                looks.Add(new AbMetricLook(metric.Name, role, pairs.Count < 2 ? AbMetricStatus.NoData : AbMetricStatus.ReportOnly, pairs.Count, pairs.Count, null,
                    pairs.Count < 2 ? "fewer than two complete pairs" : $"champion {AbText.Number(pairs.Average(p => p.C))}, challenger {AbText.Number(pairs.Average(p => p.T))}"));
                continue;
            }

            var hypothesis = role == "primary" ? new Hypothesis(HypothesisKind.Superiority, metric.HigherIsBetter) : new Hypothesis(HypothesisKind.NonInferiority, metric.HigherIsBetter, s.Margin);
            var alpha = role == "primary" ? s.Alpha : s.Alpha / Math.Max(1, test.Secondary.Count);
            var result = PairedComparison.Compare([.. pairs.Select(p => p.C)], [.. pairs.Select(p => p.T)], hypothesis, alpha, s.FixedHorizon, power: s.Power);
            var status = pairs.Count < s.MinSamples ? AbMetricStatus.TooFewSamples : result.Status switch
            {
                ComparisonStatus.Shown => AbMetricStatus.Shown,
                ComparisonStatus.Refuted => AbMetricStatus.Refuted,
                _ => AbMetricStatus.Undecided,
            };
            looks.Add(new AbMetricLook(metric.Name, role, status, pairs.Count, pairs.Count, result, AbText.MetricReason(metric, role, status, result, s)));
        }

        var start = test.StartedAt ?? DateTimeOffset.UnixEpoch;
        var schedule = new AbSchedule(start, test.Duration, test.Duration);
        var look = new AbLook(1, schedule.End, null, looks, []);
        var (decision, reason) = AbAnalyzer.Decide(look, null)
            ?? (CanaryDecision.Inconclusive, "shadow comparison not settled: " + string.Join("; ", looks.Where(l => l.Role == "primary" && l.Status != AbMetricStatus.Shown)
                .Select(l => $"{l.Metric}: {l.Reason}" + (l.Result?.NeededTreatmentUnits is { } n ? $"; about {AbText.Count(n)} pairs would settle it" : ""))));
        var outcome = new AbOutcome
        {
            Decision = decision,
            Reason = reason,
            Looks = [look],
            Look = 1,
            TotalLooks = 1,
            Remaining = TimeSpan.Zero,
            Warnings = test.Guardrails.Count > 0 ? ["guardrails are not evaluated in shadow mode: the challenger's answers were not served"] : [],
        };
        return (schedule, outcome, [table.File]);
    }
}
