using Gates.Core.Text;
using Gates.Core;
using Gates.Core.Statistics.Sequential;
using Gates.Kubernetes;

namespace Gates.CanaryValidate.Analysis;

/// <summary>The state of one analysis between looks, and the rules that end it.</summary>
internal sealed class AnalysisRun(AnalysisPlan plan, DateTimeOffset start)
{
    private readonly List<GateTrack> tracks = [.. plan.Gates.Select(g => new GateTrack(g))];
    private readonly List<LookRecord> looks = [];
    private readonly List<string> warnings = [];
    private TargetStatus? target;
    private int? initialRestarts;
    private double? srmPValue;
    private double? canaryPerMinute;

    public DateTimeOffset WindowStart { get; } = start + plan.Warmup;

    /// <summary>Records the target's health; a broken canary ends the analysis with a rollback at once.</summary>
    public AnalysisOutcome? Health(TargetStatus status, DateTimeOffset at)
    {
        target = status;
        foreach (var warning in status.Warnings.Where(w => !warnings.Contains(w)))
        {
            warnings.Add(warning);
        }

        initialRestarts ??= status.CanaryRestarts;
        if (status.Failures.Count > 0)
        {
            var failure = string.Join("; ", status.Failures);
            return Stop(CanaryDecision.Rollback, $"the canary is unhealthy: {failure}", healthFailure: failure, now: at);
        }

        var restarts = status.CanaryRestarts - initialRestarts.Value;
        if (restarts > plan.MaxRestarts)
        {
            var failure = $"canary containers restarted {restarts} times during the analysis (allowed {plan.MaxRestarts})";
            return Stop(CanaryDecision.Rollback, failure, healthFailure: failure, now: at);
        }

        return null;
    }

    public LookRecord Look(int number, DateTimeOffset at, LookData data)
    {
        var window = at - WindowStart;
        var full = plan.Duration - plan.Warmup;
        var gateLooks = new List<GateLook>();
        foreach (var track in tracks)
        {
            var d = data.Gates.GetValueOrDefault(track.Gate.Name) ?? new GateData(null, null);
            if (d.Canary is { N: > 0 } c && track.Tuning is null)
            {
                track.Tuning = plan.Tuning ?? Math.Clamp(c.N / Math.Max(window.TotalSeconds, 1) * full.TotalSeconds, plan.MinSamples, 1e9);
            }

            var settings = new DecisionSettings
            {
                Alpha = plan.GateAlpha,
                MinSamples = plan.MinSamples,
                CanaryTuning = track.Tuning ?? plan.Tuning ?? 2_000,
                ExpectedShare = plan.ExpectedShare ?? target?.ConfiguredCanaryShare,
            };
            var look = d.Stale
                ? new GateLook { Gate = track.Gate.Name, Status = GateStatus.Stale, Method = GateDecider.MethodOf(track.Gate), Reason = d.Note ?? "stale series" }
                : GateDecider.Decide(track.Gate, d.Canary, d.Baseline, settings, track.Contrast);
            track.Contrast = look.Contrast ?? track.Contrast;
            track.EverHadData |= look.Status is not (GateStatus.NoData or GateStatus.Stale);
            track.Last = look;
            gateLooks.Add(look);
        }

        CheckTraffic(data.Traffic, window, gateLooks);
        var record = new LookRecord(number, at, window, gateLooks, data.Traffic, null);
        looks.Add(record);
        return record;
    }

    private void CheckTraffic(TrafficCounts? traffic, TimeSpan window, List<GateLook> gateLooks)
    {
        var canaryN = traffic?.Canary ?? gateLooks.Select(l => l.CanaryN).DefaultIfEmpty(0).Max();
        canaryPerMinute = window > TimeSpan.Zero ? canaryN / window.TotalMinutes : null;
        var share = plan.ExpectedShare ?? target?.ConfiguredCanaryShare;
        if (traffic is null || share is not { } expected || traffic.Canary + traffic.Baseline == 0)
        {
            return;
        }

        srmPValue = SampleRatioMismatch.PValue(traffic.Canary, traffic.Baseline, expected);
        if (srmPValue < plan.SrmAlpha && !warnings.Any(w => w.StartsWith("sample-ratio mismatch", StringComparison.Ordinal)))
        {
            warnings.Add($"sample-ratio mismatch: the canary received {LookText.Number(traffic.CanaryShare * 100)}% of requests " +
                $"({traffic.Canary} of {traffic.Canary + traffic.Baseline}), configured {LookText.Number(expected * 100)}% (χ² p = {Math.Max(srmPValue.Value, 1e-300).ToString("0.##e0", System.Globalization.CultureInfo.InvariantCulture)}); " +
                "routing or readiness may be broken and the comparison may be biased");
        }
    }

    /// <summary>Ends early on a required gate's failure, or on every required gate passing after the minimum duration.</summary>
    public AnalysisOutcome? Decide(DateTimeOffset at)
    {
        var last = tracks.Where(t => t.Gate.Required).Select(t => t.Last!).ToList();
        var failed = last.Where(l => l.Status == GateStatus.Fail).ToList();
        if (failed.Count > 0)
        {
            return Stop(CanaryDecision.Rollback, string.Join("; ", failed.Select(f => $"{f.Gate}: {f.Reason}")), now: at);
        }

        var ready = target is null || target.CanaryReady;
        if (last.All(l => l.Status == GateStatus.Pass) && at - start >= plan.MinDuration && ready)
        {
            return Stop(CanaryDecision.Promote, $"every required gate passed ({last.Count} of {last.Count}) after {looks.Count} {(looks.Count == 1 ? "look" : "looks")} ({DurationText.Format(at - start)})", now: at);
        }

        return null;
    }

    public AnalysisOutcome EndOfDuration(DateTimeOffset at)
    {
        var noData = tracks.Where(t => t.Last is { Status: GateStatus.NoData } && !t.EverHadData).ToList();
        var names = string.Join(", ", noData.Select(t => t.Gate.Name));
        if (noData.Count > 0 && plan.OnNoData == NoDataPolicy.Error)
        {
            throw new GateInputException(noData.Select(t => $"gate '{t.Gate.Name}': its queries returned no series for the whole analysis (analysis.onNoData: error)").ToList());
        }

        if (noData.Any(t => t.Gate.Required) && plan.OnNoData == NoDataPolicy.Fail)
        {
            return Stop(CanaryDecision.Rollback, $"no series for {names} (analysis.onNoData: fail)", dataProblem: $"no series for {names}", now: at);
        }

        var open = tracks.Where(t => t.Gate.Required && t.Last!.Status != GateStatus.Pass).ToList();
        var parts = open.Select(t => SampleNeeds.Describe(t.Last!, at - WindowStart, canaryPerMinute)).ToList();
        if (target is { CanaryReady: false })
        {
            parts.Add($"the canary is not ready: {string.Join("; ", target.NotReady)}");
        }

        var problem = noData.Count > 0 ? $"no series for {names}"
            : tracks.Any(t => t.Last?.Status == GateStatus.Stale) ? "stale series" : null;
        return Stop(CanaryDecision.Inconclusive, "not settled by the end of the duration: " + string.Join("; ", parts), dataProblem: problem, now: at, early: false);
    }

    public AnalysisOutcome Stop(CanaryDecision decision, string reason, string? dataProblem = null, string? healthFailure = null,
        DateTimeOffset? now = null, bool early = true, bool backendFailure = false)
    {
        var end = now ?? looks.LastOrDefault()?.At ?? start;
        return new AnalysisOutcome
        {
            Decision = decision,
            Reason = reason,
            Looks = looks,
            Gates = [.. tracks.Select(t => t.Last ?? new GateLook { Gate = t.Gate.Name, Status = GateStatus.NoData, Method = GateDecider.MethodOf(t.Gate), Reason = $"not looked at: {(backendFailure ? dataProblem : "the analysis stopped before the first look")}" })],
            Warnings = warnings,
            StoppedEarly = early && end < start + plan.Duration,
            Elapsed = end - start,
            Target = target,
            HealthFailure = healthFailure,
            DataProblem = dataProblem,
            BackendFailure = backendFailure ? dataProblem : null,
            CanaryRequestsPerMinute = canaryPerMinute,
            SrmPValue = srmPValue,
        };
    }
}
