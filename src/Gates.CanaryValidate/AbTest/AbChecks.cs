using Gates.CanaryValidate.Analysis;
using Gates.Core.Results;
using Gates.Core.Thresholds;

namespace Gates.CanaryValidate.AbTest;

/// <summary>
/// The report's checks of an experiment at the look it was decided (or the last one): one per metric (observed =
/// treatment − control, threshold = the difference it must beat), one per guardrail, quantiles reported only, and
/// the advisory traffic-split.
/// </summary>
internal static class AbChecks
{
    public static IReadOnlyList<CheckResult> For(AbTestDefinition test, AbOutcome outcome)
    {
        var checks = new List<CheckResult>();
        var last = outcome.Last;
        foreach (var metric in test.Primary.Concat(test.Secondary).Where(m => m.Kind != AbMetricKind.Quantile))
        {
            var look = last?.Metrics.FirstOrDefault(m => m.Metric == metric.Name);
            checks.Add(Metric(test, metric, look, outcome));
        }

        foreach (var (name, (control, treatment)) in outcome.Quantiles)
        {
            checks.Add(new CheckResult
            {
                Name = name,
                Metric = $"{name} (seconds, since the start)",
                Observed = treatment,
                BaselineValue = control,
                Delta = treatment - control,
                Verdict = Verdict.Pass,
                Required = false,
                Method = "histogram_quantile over the experiment",
                Reason = $"reported only: control {AbText.Number(control ?? double.NaN)}, treatment {AbText.Number(treatment ?? double.NaN)}",
            });
        }

        // Shadow mode evaluates no guardrails (nothing the challenger answered was served).
        var guarded = last is null || last.Guardrails.Count == test.Guardrails.Count;
        for (var i = 0; guarded && i < test.Guardrails.Count; i++)
        {
            var g = test.Guardrails[i];
            var look = last?.Guardrails[i];
            checks.Add(new CheckResult
            {
                Name = $"guardrail-{g.Metric.Name}",
                Metric = $"{g.Metric.Name} of the treatment over the last {AbDuration.Format(g.Window)}",
                Observed = look?.Value,
                Comparison = g.Metric.HigherIsBetter ? Comparison.Gte : Comparison.Lte,
                Threshold = g.Threshold,
                Verdict = look is null || look.N == 0 ? Verdict.Inconclusive : look.Breached ? Verdict.Fail : Verdict.Pass,
                Reason = look is null || look.N == 0 ? "no treatment data in the window"
                    : look.Breached ? AbText.Breach(look) : $"within the threshold (n={AbText.Count(look.N)})",
                N = look?.N,
                Interval = look?.Interval,
                Method = g.Metric.Kind == AbMetricKind.Proportion ? "beta-binomial confidence sequence, alpha split over the looks" : "normal interval, alpha split over the looks",
            });
        }

        if (outcome.SrmPValue is { } p)
        {
            var mismatch = p < test.Settings.SrmAlpha;
            checks.Add(new CheckResult
            {
                Name = "traffic-split",
                Metric = "treatment share of units",
                Observed = outcome.Looks.LastOrDefault(l => l.Traffic is not null)?.Traffic?.TreatmentShare,
                Threshold = test.TreatmentShare,
                Verdict = mismatch ? Verdict.Warn : Verdict.Pass,
                Required = false,
                PValue = p,
                Method = "Pearson chi-squared against the configured weights",
                Reason = mismatch ? "sample-ratio mismatch: the observed split differs from the configured weights" : "the observed split matches the configured weights",
            });
        }

        return checks;
    }

    private static CheckResult Metric(AbTestDefinition test, AbMetric metric, AbMetricLook? look, AbOutcome outcome)
    {
        var role = test.Primary.Contains(metric) ? "primary" : "secondary";
        var required = role == "primary" || test.Settings.Secondary == SecondaryMode.NonInferiority;
        var r = look?.Result;
        // The contrast is D = T − scale·C; on the scale of T − C it is D + (scale − 1)·C, and the limit is (scale − 1)·C.
        var shift = r is null ? 0 : (Scale(test, role, metric) - 1) * r.Control;
        var verdict = look?.Status switch
        {
            AbMetricStatus.Shown or AbMetricStatus.ReportOnly => Verdict.Pass,
            AbMetricStatus.Refuted => Verdict.Fail,
            _ => required ? Verdict.Inconclusive : Verdict.Warn,
        };
        var needed = r?.NeededTreatmentUnits ?? r?.NeededForEffect ?? outcome.PlannedUnits?.Treatment;
        return new CheckResult
        {
            Name = metric.Name,
            Metric = $"{metric.Name}: treatment − control ({metric.Unit}; {(metric.HigherIsBetter ? "higher" : "lower")} is better; {role})",
            Description = Timeline(outcome, metric.Name),
            Observed = r is null ? null : Finite(r.Control + r.Difference),
            Comparison = metric.HigherIsBetter ? Comparison.Gt : Comparison.Lt,
            Threshold = r is null ? 0 : Finite(shift),
            Verdict = verdict,
            Required = required,
            Reason = look?.Reason ?? "not looked at yet",
            N = look?.TreatmentN,
            Interval = r is null ? null : new Interval(r.Contrast.Low + shift, r.Contrast.High + shift, r.Contrast.Level),
            Method = r?.Method,
            PValue = r?.PValue,
            BaselineValue = r is null ? null : Finite(r.Control),
            Delta = r is null ? null : Finite(r.Difference),
            Compared = CheckValues.DeltaCompared,
            SamplesToResolve = needed is { } n && n < long.MaxValue ? n : null,
        };
    }

    private static double Scale(AbTestDefinition test, string role, AbMetric metric) =>
        role == "primary" ? 1 : metric.HigherIsBetter ? 1 - test.Settings.Margin : 1 + test.Settings.Margin;

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static string Timeline(AbOutcome outcome, string metric) =>
        "Looks: " + string.Join("; ", outcome.Looks.Select(l => (l, m: l.Metrics.FirstOrDefault(x => x.Metric == metric)))
            .Where(x => x.m is not null)
            .Select(x => $"{x.l.Number} {x.m!.Status.ToString().ToLowerInvariant()}" +
                (x.m.Result is { } r ? $" [{AbText.Number(r.Contrast.Low)}, {AbText.Number(r.Contrast.High)}]" : ""))) + ".";

    public static Verdict Overall(AbOutcome outcome, IEnumerable<CheckResult> checks) => outcome.Decision switch
    {
        CanaryDecision.Rollback => Verdict.Fail,
        CanaryDecision.Inconclusive => Verdict.Inconclusive,
        _ => checks.Any(c => c.Verdict == Verdict.Warn) || outcome.Warnings.Count > 0 ? Verdict.Warn : Verdict.Pass,
    };
}
