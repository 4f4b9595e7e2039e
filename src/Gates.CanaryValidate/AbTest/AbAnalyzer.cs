using Gates.CanaryValidate.Analysis;
using Gates.Core.Results;
using Gates.Core.Statistics.Experiments;
using Gates.Core.Statistics.Sequential;

namespace Gates.CanaryValidate.AbTest;

/// <summary>
/// Decides an experiment from its data, look by look from the first: a breached guardrail or a treatment shown worse
/// on a primary (or, beyond the margin, on a non-inferiority secondary) rolls back at that look; every primary shown
/// better promotes; otherwise the experiment goes on, or ends inconclusive at its last look. Takes data, returns data.
/// </summary>
internal sealed class AbAnalyzer(AbTestDefinition test, AbSchedule schedule)
{
    private readonly Dictionary<string, Interval?> previous = [];
    private readonly Dictionary<string, double> tuning = [];
    private readonly AbSettings settings = test.Settings;

    public AbOutcome Analyze(AbData data, int lookCount)
    {
        var times = schedule.Times;
        var warnings = new List<string>();
        (long Control, long Treatment)? planned = settings.FixedHorizon ? AbFixedHorizon.Plan(test, data) : null;
        var looks = new List<AbLook>();
        for (var k = 1; k <= lookCount; k++)
        {
            var look = Look(k, times[k - 1], data, planned);
            looks.Add(look);
            if (Decide(look, planned) is { } decided)
            {
                return Outcome(decided.Decision, decided.Reason, looks, data, warnings, planned);
            }
        }

        if (planned is { } plan && looks.Count > 0)
        {
            warnings.Add(AbFixedHorizon.PeekingWarning(looks[^1], plan));
        }

        var remaining = times.Count - lookCount;
        var needs = AbText.Needs(looks.LastOrDefault(), schedule, planned);
        var reason = lookCount == 0
            ? $"no look yet: the first is at {times[0]:yyyy-MM-dd HH:mm}Z ({AbDuration.Format(schedule.Interval)} after the start)"
            : remaining == 0
                ? $"the experiment ended at look {lookCount} of {times.Count} without a decision: {needs}"
                : $"look {lookCount} of {times.Count}: not settled yet, {remaining} more {(remaining == 1 ? "look" : "looks")} until {schedule.End:yyyy-MM-dd HH:mm}Z: {needs}";
        return Outcome(CanaryDecision.Inconclusive, reason, looks, data, warnings, planned);
    }

    private AbLook Look(int k, DateTimeOffset at, AbData data, (long Control, long Treatment)? planned)
    {
        var metrics = new List<AbMetricLook>();
        foreach (var (metric, role) in test.Primary.Select(m => (m, "primary")).Concat(test.Secondary.Select(m => (m, "secondary"))))
        {
            metrics.Add(Metric(metric, role, k, data.Metrics.GetValueOrDefault(metric.Name)?[k - 1], planned));
        }

        var guardAlpha = settings.Alpha / (schedule.Times.Count * Math.Max(1, test.Guardrails.Count));
        var guardrails = test.Guardrails.Select((g, i) =>
        {
            var window = data.Guardrails[i][k - 1];
            if (window is not { Units: > 0 } w || !double.IsFinite(w.Value))
            {
                return new AbGuardrailLook(g.Metric.Name, g.Threshold, g.Window, 0, null, null, false);
            }

            var (interval, breached) = WindowCheck.Evaluate(w, g.Threshold, g.Metric.HigherIsBetter, guardAlpha);
            return new AbGuardrailLook(g.Metric.Name, g.Threshold, g.Window, w.Units, w.Value, interval, breached && w.Units >= settings.MinSamples);
        }).ToList();
        return new AbLook(k, at, data.Traffic[k - 1], metrics, guardrails);
    }

    private AbMetricLook Metric(AbMetric metric, string role, int k, ArmPair? pair, (long Control, long Treatment)? planned)
    {
        if (metric.Kind == AbMetricKind.Quantile || (role == "secondary" && settings.Secondary == SecondaryMode.Report))
        {
            return Report(metric, role, pair);
        }

        if (pair is not { Control: { } c, Treatment: { } t })
        {
            return new AbMetricLook(metric.Name, role, AbMetricStatus.NoData, pair?.Control?.Units ?? 0, pair?.Treatment?.Units ?? 0, null,
                $"no {(pair?.Control is null ? "control" : "treatment")} data");
        }

        if (c.Units < 2 || t.Units < 2)
        {
            return new AbMetricLook(metric.Name, role, AbMetricStatus.TooFewSamples, c.Units, t.Units, null, "no traffic yet");
        }

        var hypothesis = role == "primary"
            ? new Hypothesis(HypothesisKind.Superiority, metric.HigherIsBetter)
            : new Hypothesis(HypothesisKind.NonInferiority, metric.HigherIsBetter, settings.Margin);
        var alpha = role == "primary" ? settings.Alpha : settings.Alpha / Math.Max(1, test.Secondary.Count);
        ComparisonResult result;
        if (settings.FixedHorizon)
        {
            result = FixedHorizonComparison.Compare(c, t, hypothesis, alpha);
        }
        else
        {
            if (!tuning.ContainsKey(metric.Name))
            {
                tuning[metric.Name] = Math.Max(settings.MinSamples, (c.Units + t.Units) / (double)k * schedule.Times.Count);
            }

            result = SequentialComparison.Compare(c, t, hypothesis, alpha, tuning[metric.Name], previous.GetValueOrDefault(metric.Name), settings.Power,
                effect: settings.Mde ?? Math.Abs(0.05 * c.Value));
            previous[metric.Name] = result.Contrast;
        }

        var enough = c.Units >= settings.MinSamples && t.Units >= settings.MinSamples
            && (planned is not { } p || (c.Units >= p.Control && t.Units >= p.Treatment));
        var status = !enough ? AbMetricStatus.TooFewSamples : result.Status switch
        {
            ComparisonStatus.Shown => AbMetricStatus.Shown,
            ComparisonStatus.Refuted => AbMetricStatus.Refuted,
            _ => AbMetricStatus.Undecided,
        };
        return new AbMetricLook(metric.Name, role, status, c.Units, t.Units, result, AbText.MetricReason(metric, role, status, result, settings));
    }

    private static AbMetricLook Report(AbMetric metric, string role, ArmPair? pair)
    {
        var values = pair is { Control: { } c, Treatment: { } t } ? $"control {AbText.Number(c.Value)}, treatment {AbText.Number(t.Value)}" : "reported only";
        return new AbMetricLook(metric.Name, role, AbMetricStatus.ReportOnly, pair?.Control?.Units ?? 0, pair?.Treatment?.Units ?? 0, null, values);
    }

    public static (CanaryDecision Decision, string Reason)? Decide(AbLook look, (long Control, long Treatment)? planned)
    {
        var breached = look.Guardrails.Where(g => g.Breached).ToList();
        if (breached.Count > 0)
        {
            return (CanaryDecision.Rollback, $"guardrail breached at look {look.Number}: " + string.Join("; ", breached.Select(AbText.Breach)));
        }

        var worse = look.Metrics.Where(m => m.Status == AbMetricStatus.Refuted).ToList();
        if (worse.Count > 0)
        {
            return (CanaryDecision.Rollback, $"the treatment is worse at look {look.Number}: " + string.Join("; ", worse.Select(m => $"{m.Metric}: {m.Reason}")));
        }

        var primaries = look.Metrics.Where(m => m.Role == "primary").ToList();
        if (primaries.All(m => m.Status == AbMetricStatus.Shown))
        {
            return (CanaryDecision.Promote, $"every primary metric is significantly better at look {look.Number}: " + string.Join("; ", primaries.Select(m => $"{m.Metric}: {m.Reason}")));
        }

        if (planned is not null && primaries.All(m => m.Status is AbMetricStatus.Undecided or AbMetricStatus.Shown))
        {
            return (CanaryDecision.Inconclusive, $"no significant improvement at the planned sample size (look {look.Number}): " +
                string.Join("; ", primaries.Where(m => m.Status != AbMetricStatus.Shown).Select(m => $"{m.Metric}: {m.Reason}")));
        }

        return null;
    }

    private AbOutcome Outcome(CanaryDecision decision, string reason, List<AbLook> looks, AbData data, List<string> warnings, (long, long)? planned)
    {
        double? srm = null;
        if (looks.LastOrDefault(l => l.Traffic is { Control: > 0 } or { Treatment: > 0 })?.Traffic is { } traffic)
        {
            srm = SampleRatioMismatch.PValue(traffic.Treatment, traffic.Control, test.TreatmentShare);
            if (srm < settings.SrmAlpha)
            {
                warnings.Insert(0, AbText.SrmWarning(traffic, test.TreatmentShare, srm.Value));
            }
        }

        var times = schedule.Times;
        var at = looks.Count > 0 ? looks[^1].At : schedule.Start;
        return new AbOutcome
        {
            Decision = decision,
            Reason = reason,
            Looks = looks,
            Look = looks.Count,
            TotalLooks = times.Count,
            Remaining = decision == CanaryDecision.Inconclusive && at < schedule.End ? schedule.End - at : TimeSpan.Zero,
            Warnings = warnings,
            SrmPValue = srm,
            PlannedUnits = planned,
            Quantiles = data.Quantiles,
        };
    }
}
