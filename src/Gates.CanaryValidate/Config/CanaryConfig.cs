using Gates.CanaryValidate.Analysis;
using Gates.Core.Results;

namespace Gates.CanaryValidate.Config;

/// <summary>Where Prometheus is and how patiently to ask it.</summary>
internal sealed record PrometheusSettings(Uri? Url, TimeSpan Timeout, int Retries);

/// <summary>The validated configuration of one run: the plan, the query template, and the data-quality limits.</summary>
internal sealed record CanaryConfig
{
    public required AnalysisPlan Plan { get; init; }
    public required BuiltInTemplate Template { get; init; }
    /// <summary>A side whose newest scraped sample is older than this is stale.</summary>
    public TimeSpan MaxStaleness { get; init; } = TimeSpan.FromMinutes(5);
    public required PrometheusSettings Prometheus { get; init; }
    /// <summary>The config file, when one was read.</summary>
    public InputFile? File { get; init; }
}
