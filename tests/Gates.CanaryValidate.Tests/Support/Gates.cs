using Gates.CanaryValidate.Analysis;
using Gates.Core.Thresholds;

namespace Gates.CanaryValidate.Tests.Support;

internal static class TestGates
{
    private static readonly MetricQueries Proportion = new(new Dictionary<string, string> { ["errors"] = "e", ["requests"] = "r" });

    public static CanaryGate ErrorRateAtMost(double limit, string name = "error-rate") => new()
    {
        Name = name,
        Metric = "error_rate",
        Kind = MetricKind.Proportion,
        Comparison = Comparison.Lte,
        Threshold = limit,
        Queries = Proportion,
    };

    public static CanaryGate ErrorRateDelta(double margin, DeltaMode mode = DeltaMode.Absolute, string name = "error-rate-vs-baseline") =>
        ErrorRateAtMost(margin, name) with { Delta = mode };

    public static CanaryGate QualityAtLeast(double limit, string name = "quality") => new()
    {
        Name = name,
        Metric = "quality_score",
        Kind = MetricKind.Mean,
        Comparison = Comparison.Gte,
        Threshold = limit,
        Range = (0, 1),
        Queries = new(new Dictionary<string, string> { ["sum"] = "s", ["count"] = "c" }),
    };
}
