namespace Gates.CanaryValidate.Analysis;

/// <summary>What one observation of a metric is.</summary>
internal enum MetricKind
{
    /// <summary>0 or 1 per request (errors over requests).</summary>
    Proportion,

    /// <summary>A number per item with a known range or a sum of squares (online quality score, latency mean).</summary>
    Mean,

    /// <summary>A latency quantile limit, tested as the share of requests slower than the limit (histogram buckets).</summary>
    Quantile,
}
