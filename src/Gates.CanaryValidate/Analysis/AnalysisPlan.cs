namespace Gates.CanaryValidate.Analysis;

/// <summary>What to do with a gate whose queries return no series by the end of the analysis.</summary>
internal enum NoDataPolicy
{
    Inconclusive,
    Fail,
    Error,
}

/// <summary>The whole analysis, validated: gates, timing, error rate and data-quality policies.</summary>
internal sealed record AnalysisPlan
{
    public required IReadOnlyList<CanaryGate> Gates { get; init; }
    /// <summary>The maximum length of the analysis, warm-up included.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(15);
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);
    /// <summary>Data from the first minutes is not counted (cold caches, loading models).</summary>
    public TimeSpan Warmup { get; init; }
    /// <summary>No promotion before this much time has passed, however clear the evidence.</summary>
    public TimeSpan MinDuration { get; init; }
    /// <summary>The chance of a wrong decision (false rollback or false promotion) over the whole analysis, split over the gates.</summary>
    public double Alpha { get; init; } = 0.05;
    public long MinSamples { get; init; } = 100;
    public NoDataPolicy OnNoData { get; init; } = NoDataPolicy.Inconclusive;
    /// <summary>Container restarts of the canary during the analysis that are tolerated.</summary>
    public int MaxRestarts { get; init; }
    public double SrmAlpha { get; init; } = 0.001;
    /// <summary>Configured canary share of requests (0..1), when known.</summary>
    public double? ExpectedShare { get; init; }
    /// <summary>Canary observations at which the sequences are tightest; null picks the expected canary total from the first look with traffic.</summary>
    public double? Tuning { get; init; }

    public double GateAlpha => Alpha / Math.Max(1, Gates.Count);

    /// <summary>The look times: every interval after the warm-up, and the end of the duration.</summary>
    public IReadOnlyList<DateTimeOffset> LookTimes(DateTimeOffset start)
    {
        var end = start + Duration;
        var times = new List<DateTimeOffset>();
        for (var t = start + Warmup + Interval; t <= end; t += Interval)
        {
            times.Add(t);
        }

        if (times.Count == 0 || times[^1] < end)
        {
            times.Add(end);
        }

        return times;
    }
}
