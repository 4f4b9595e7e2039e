using Gates.CanaryValidate.Analysis;

namespace Gates.CanaryValidate.Config;

/// <summary>Command-line settings that build or override the configuration (flags win over the YAML).</summary>
internal sealed record CanaryOverrides
{
    public TimeSpan? Duration { get; init; }
    public TimeSpan? Interval { get; init; }
    public TimeSpan? Warmup { get; init; }
    public double? Alpha { get; init; }
    public double? ErrorRateThreshold { get; init; }
    public double? QualityThreshold { get; init; }
    public string? Template { get; init; }
    public Uri? PrometheusUrl { get; init; }
    public TimeSpan? PrometheusTimeout { get; init; }
    public int? PrometheusRetries { get; init; }
    /// <summary>The configured canary share of traffic in per cent.</summary>
    public double? CanaryPercent { get; init; }
    public long? MinSamples { get; init; }
    public NoDataPolicy? OnNoData { get; init; }
}
