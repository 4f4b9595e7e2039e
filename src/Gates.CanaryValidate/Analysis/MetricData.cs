namespace Gates.CanaryValidate.Analysis;

/// <summary>Reads both sides of every gate at one look.</summary>
internal interface IMetricReader
{
    /// <summary>Cumulative observations over [at − window, at]. Throws <see cref="MetricsUnavailableException"/> when the backend cannot answer.</summary>
    Task<LookData> ReadAsync(DateTimeOffset at, TimeSpan window, CancellationToken ct);
}

internal sealed record LookData(IReadOnlyDictionary<string, GateData> Gates, TrafficCounts? Traffic = null);

/// <summary>One gate's sides at a look; a null side returned no series.</summary>
internal sealed record GateData(SideStats? Canary, SideStats? Baseline, bool Stale = false, string? Note = null);

/// <summary>Requests to each side since the window opened (for the sample-ratio check and rates).</summary>
internal sealed record TrafficCounts(long Canary, long Baseline)
{
    public double CanaryShare => Canary + Baseline > 0 ? (double)Canary / (Canary + Baseline) : double.NaN;
}

/// <summary>The metrics backend could not answer after its retry budget.</summary>
internal sealed class MetricsUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
