using Gates.Core.Text;
using Gates.CanaryValidate.Analysis;
using Gates.Core.Results;
using Gates.Core.Thresholds;

namespace Gates.CanaryValidate.Report;

/// <summary>Turns the analysis outcome into the report's checks: one per gate, plus health, data and traffic split.</summary>
internal static class CanaryChecks
{
    public static IReadOnlyList<CheckResult> For(AnalysisPlan plan, AnalysisOutcome outcome)
    {
        var checks = new List<CheckResult>();
        foreach (var gate in plan.Gates)
        {
            var look = outcome.Gates.Single(g => g.Gate == gate.Name);
            checks.Add(Gate(gate, look, outcome, plan));
        }

        if (outcome.Target is { } target)
        {
            checks.Add(new CheckResult
            {
                Name = "canary-health",
                Metric = $"{target.Kind} {target.Namespace}/{target.CanaryName}",
                Verdict = outcome.HealthFailure is not null ? Verdict.Fail : target.CanaryReady ? Verdict.Pass : Verdict.Inconclusive,
                Reason = outcome.HealthFailure ?? (target.CanaryReady
                    ? $"ready; {target.CanaryRestarts} container restarts in total"
                    : "not ready: " + string.Join("; ", target.NotReady)),
            });
        }

        if (outcome.BackendFailure is { } problem)
        {
            checks.Add(new CheckResult { Name = "data", Verdict = Verdict.Inconclusive, Reason = problem });
        }

        if (outcome.SrmPValue is { } p)
        {
            var mismatch = p < plan.SrmAlpha;
            checks.Add(new CheckResult
            {
                Name = "traffic-split",
                Metric = "canary share of requests",
                Observed = outcome.Looks.LastOrDefault(l => l.Traffic is not null)?.Traffic?.CanaryShare is { } share && double.IsFinite(share) ? share : null,
                Threshold = plan.ExpectedShare,
                Verdict = mismatch ? Verdict.Warn : Verdict.Pass,
                Required = false,
                PValue = p,
                Method = "Pearson chi-squared against the configured split",
                Reason = mismatch ? "sample-ratio mismatch: the observed split differs from the configured one" : "the observed split matches the configured one",
            });
        }

        return checks;
    }

    private static CheckResult Gate(CanaryGate gate, GateLook look, AnalysisOutcome outcome, AnalysisPlan plan)
    {
        var verdict = look.Status switch
        {
            GateStatus.Pass => Verdict.Pass,
            GateStatus.Fail => gate.Required ? Verdict.Fail : Verdict.Warn,
            GateStatus.NoData when plan.OnNoData == NoDataPolicy.Fail && outcome.Decision == CanaryDecision.Rollback && gate.Required => Verdict.Fail,
            _ => gate.Required ? Verdict.Inconclusive : Verdict.Warn,
        };
        var reason = look.Reason;
        if (look.Status is not (GateStatus.Pass or GateStatus.Fail))
        {
            var window = outcome.Looks.Count > 0 ? outcome.Looks[^1].Window : TimeSpan.Zero;
            reason = SampleNeeds.Describe(look, window, outcome.CanaryRequestsPerMinute)[(gate.Name.Length + 2)..];
        }

        var timeline = string.Join("; ", outcome.Looks.Select(l => (l, g: l.Gates.Single(x => x.Gate == gate.Name)))
            .Select(x => $"+{DurationText.Format(x.l.Window)} {ProgressLine.Word(x.g.Status)}" +
                (x.g.Interval is { } i ? $" [{LookText.Number(i.Low)}, {LookText.Number(i.High)}]" : "")));
        return new CheckResult
        {
            Name = gate.Name,
            Metric = gate.Kind == MetricKind.Quantile ? $"{gate.Metric} (share slower than {LookText.Number(gate.LatencyLimit)} s)" : gate.Metric,
            Description = string.Join(" ", new[] { gate.Description, timeline.Length > 0 ? $"Looks: {timeline}." : null }.Where(s => s is not null)),
            Observed = gate.Delta is null ? Finite(look.Value) : Finite(look.Canary),
            Comparison = gate.Comparison,
            Threshold = gate.Threshold,
            Verdict = verdict,
            Reason = reason,
            Required = gate.Required,
            N = look.CanaryN,
            Interval = look.Interval,
            Method = $"{look.Method}, anytime-valid at alpha {LookText.Number(plan.GateAlpha)}",
            BaselineValue = look.Baseline,
            Delta = gate.Delta is not null && Finite(look.Canary) is { } c && look.Baseline is { } b ? Finite(c - b) : null,
            Compared = gate.Delta switch
            {
                DeltaMode.Absolute => CheckValues.DeltaCompared,
                DeltaMode.Relative => CheckValues.RelativeDeltaCompared,
                _ => null,
            },
            SamplesToResolve = look.NeededCanaryN,
        };
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
