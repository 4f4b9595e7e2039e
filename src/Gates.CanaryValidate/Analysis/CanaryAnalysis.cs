using Gates.Kubernetes;

namespace Gates.CanaryValidate.Analysis;

/// <summary>
/// The analysis loop: at every look it reads the canary's health and both sides' metrics, lets every gate's
/// confidence sequence decide, and stops at the first clear rollback, or as soon as every required gate has
/// passed; otherwise it ends inconclusive at the duration. All waiting goes through the given clock.
/// </summary>
internal sealed class CanaryAnalysis(AnalysisPlan plan, IMetricReader metrics, ITargetProbe? target, TimeProvider time, Action<string>? progress = null)
{
    public async Task<AnalysisOutcome> RunAsync(DateTimeOffset start, CancellationToken ct)
    {
        var run = new AnalysisRun(plan, start);
        var times = plan.LookTimes(start);
        for (var i = -1; i < times.Count; i++)
        {
            // Look -1 is the health check at the start: a canary that is already broken is rolled back at once.
            var at = i < 0 ? start : times[i];
            try
            {
                await WaitUntilAsync(at, ct);
                ct.ThrowIfCancellationRequested();
                if (target is not null && await ReadTargetAsync(run, at, ct) is { } stop)
                {
                    return stop;
                }

                if (i < 0)
                {
                    continue;
                }

                var data = await metrics.ReadAsync(at, at - run.WindowStart, ct);
                var record = run.Look(i + 1, at, data);
                progress?.Invoke(ProgressLine.For(record, times.Count, at - start));
                if (run.Decide(at) is { } decided)
                {
                    return decided;
                }
            }
            catch (MetricsUnavailableException e)
            {
                return run.Stop(CanaryDecision.Inconclusive, $"metrics unavailable: {e.Message}", dataProblem: e.Message, backendFailure: true, now: at);
            }
            catch (TargetUnavailableException e)
            {
                return run.Stop(CanaryDecision.Inconclusive, $"Kubernetes unavailable: {e.Message}", dataProblem: e.Message, backendFailure: true, now: at);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return run.Stop(CanaryDecision.Inconclusive, "cancelled before a decision", dataProblem: "cancelled", backendFailure: true, now: time.GetUtcNow());
            }
        }

        return run.EndOfDuration(times[^1]);
    }

    private async Task<AnalysisOutcome?> ReadTargetAsync(AnalysisRun run, DateTimeOffset at, CancellationToken ct)
    {
        var status = await target!.ReadAsync(ct);
        return run.Health(status, at);
    }

    private async Task WaitUntilAsync(DateTimeOffset at, CancellationToken ct)
    {
        var delay = at - time.GetUtcNow();
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, time, ct);
        }
    }
}
