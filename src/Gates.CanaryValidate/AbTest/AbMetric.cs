namespace Gates.CanaryValidate.AbTest;

/// <summary>How a metric's arms are summed: a rate of events, a mean per unit, a ratio of two sums, or a quantile (reported only).</summary>
internal enum AbMetricKind
{
    Proportion,
    Mean,
    Ratio,
    Quantile,
}

/// <summary>
/// One experiment metric resolved to data: PromQL by role (placeholders {{arm}}, {{label}}, {{namespace}}, {{window}})
/// and the columns of a per-unit outcomes file (numerator and, for a ratio, denominator).
/// </summary>
internal sealed record AbMetric
{
    public required string Name { get; init; }
    public required AbMetricKind Kind { get; init; }
    public required bool HigherIsBetter { get; init; }
    public required IReadOnlyDictionary<string, string> Queries { get; init; }
    /// <summary>Outcome-file column summed per unit (y).</summary>
    public required string Numerator { get; init; }
    /// <summary>Outcome-file column of the denominator (x); null means one per row.</summary>
    public string? Denominator { get; init; }
    /// <summary>For a quantile: the level (0.95 for latency_p95).</summary>
    public double? Quantile { get; init; }
    /// <summary>For a bounded mean without a variance query: the range every value lies in.</summary>
    public (double Low, double High)? Range { get; init; }
    /// <summary>What one value is, for the report: "share of requests", "dollars per request" …</summary>
    public required string Unit { get; init; }

    public bool Has(string role) => Queries.ContainsKey(role);
}
