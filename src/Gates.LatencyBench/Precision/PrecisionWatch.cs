using Gates.LatencyBench.Measure;

namespace Gates.LatencyBench.Precision;

/// <summary>
/// Watches the live histograms while load runs: every <paramref name="interval"/> of the run clock it checks each
/// target and, once all are reached, calls <paramref name="stop"/> so no further request is issued.
/// </summary>
internal sealed class PrecisionWatch(IReadOnlyList<PrecisionTarget> targets, Measurements measurements, TimeProvider time, TimeSpan interval, Action stop)
{
    /// <summary>True once every target was reached and the run was told to stop.</summary>
    public bool StoppedEarly { get; private set; }

    public async Task RunAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                if (AllReached(measurements.Histograms(targets.Select(t => t.Tag))))
                {
                    StoppedEarly = true;
                    stop();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended first.
        }
    }

    public static IReadOnlyList<PrecisionStatus> Check(IReadOnlyList<PrecisionTarget> targets, IReadOnlyDictionary<string, HdrHistogram.LongHistogram> histograms) =>
        [.. targets.Select(t => PrecisionCheck.Check(t, histograms[t.Tag]))];

    private bool AllReached(IReadOnlyDictionary<string, HdrHistogram.LongHistogram> histograms) =>
        Check(targets, histograms).All(s => s.Reached);
}
