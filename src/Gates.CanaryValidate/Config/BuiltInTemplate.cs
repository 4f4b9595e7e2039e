using Gates.CanaryValidate.Analysis;

namespace Gates.CanaryValidate.Config;

/// <summary>A built-in metric: its kind and its PromQL by role.</summary>
internal sealed record BuiltInMetric(MetricKind Kind, IReadOnlyDictionary<string, string> Queries, (double, double)? Range = null, double UnitsPerSecond = 1);

/// <summary>
/// Ready-made queries for one kind of server. {{canary}} is the canary's name in metric labels (a revision for
/// Knative, a Deployment for pod-labelled metrics), {{namespace}} its namespace, {{window}} the analysis window.
/// </summary>
/// <remarks>The freshness query gives the newest sample time seen in the window (a subquery, so a series that stopped
/// longer ago than Prometheus' lookback still counts as stale rather than absent).</remarks>
internal sealed record BuiltInTemplate(
    string Name,
    string Description,
    IReadOnlyDictionary<string, BuiltInMetric> Metrics,
    string TrafficQuery,
    string FreshnessQuery,
    double LatencyUnitsPerSecond);
