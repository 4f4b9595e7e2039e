using System.Globalization;

namespace Gates.LatencyBench.Results;

/// <summary>
/// Whether a run measured what it claims. An open-loop run whose client fell behind its schedule (schedule lag, or a
/// send rate short of the offered rate) is invalid: the server may be fine and the client the bottleneck, or the
/// reverse. A run stopped by Ctrl-C is partial and also invalid.
/// </summary>
internal static class RunValidity
{
    /// <summary>A send rate below this share of the offered rate makes an open-loop run invalid.</summary>
    public const double MinRateShare = 0.95;

    public static IReadOnlyList<string> Reasons(IReadOnlyDictionary<string, double> metrics, double maxLagMs, bool interrupted, bool openLoop)
    {
        var reasons = new List<string>();
        if (interrupted)
        {
            reasons.Add("the run was interrupted before its end; the results are partial");
        }

        if (metrics.GetValueOrDefault("requests") == 0)
        {
            reasons.Add("no request finished in the measurement phase");
        }

        if (!openLoop)
        {
            return reasons;
        }

        if (metrics.TryGetValue("schedule_lag_p99_ms", out var lag) && lag > maxLagMs)
        {
            reasons.Add($"the client fell behind its schedule: p99 schedule lag {F(lag)} ms > {F(maxLagMs)} ms (--max-schedule-lag)");
        }

        if (metrics.TryGetValue("offered_requests_per_second", out var offered)
            && metrics.TryGetValue("sent_requests_per_second", out var sent) && sent < offered * MinRateShare)
        {
            reasons.Add($"the client sent {F(sent)} requests/s, less than {MinRateShare:P0} of the offered {F(offered)} requests/s");
        }

        return reasons;
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
