using System.Globalization;
using Gates.LatencyBench.Measure;

namespace Gates.LatencyBench.Run;

/// <summary>
/// Progress on stderr: a live line redrawn every second in a terminal, or a plain line every ten seconds in CI logs.
/// Shows elapsed time, requests, errors, the recent request rate and the p95 latency of the last interval.
/// </summary>
internal sealed class ProgressReporter(TextWriter error, Measurements measurements, TimeProvider time, bool live)
{
    public async Task RunAsync(long start, CancellationToken ct)
    {
        var interval = live ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(10);
        var last = time.GetTimestamp();
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                var now = time.GetTimestamp();
                Print(Line(time.GetElapsedTime(start, now), time.GetElapsedTime(last, now)));
                last = now;
            }
        }
        catch (OperationCanceledException)
        {
            if (live)
            {
                error.WriteLine();
            }
        }
    }

    private string Line(TimeSpan elapsed, TimeSpan sinceLast)
    {
        var (histogram, recent, _) = measurements.TakeProgress();
        var (total, errors, warmup) = measurements.Totals();
        var rate = sinceLast.TotalSeconds > 0 ? recent / sinceLast.TotalSeconds : 0;
        var p95 = histogram.TotalCount > 0 ? (Measure.Percentile.ValueAt(histogram, 95) / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + " ms" : "-";
        var warm = warmup > 0 && total == 0 ? $" (warmup {warmup})" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"[{elapsed.TotalSeconds,6:0}s] requests {total}{warm}  errors {errors}  {rate:0.0} req/s  p95 {p95}");
    }

    private void Print(string text)
    {
        if (live)
        {
            error.Write("\r" + text.PadRight(78));
        }
        else
        {
            error.WriteLine($"{LatencyBenchCommand.Name}: {text}");
        }

        error.Flush();
    }
}
