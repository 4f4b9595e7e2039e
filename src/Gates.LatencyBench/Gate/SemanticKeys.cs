using System.Text.RegularExpressions;

namespace Gates.LatencyBench.Gate;

/// <summary>Which metrics a measurement definition of an imported file (its <c>Semantics</c> key) bears on.</summary>
internal static partial class SemanticKeys
{
    private const string BasisSuffix = "_basis";

    public static bool Affects(string key, string metric) => key switch
    {
        "percentile_method" => Percentile().IsMatch(metric),
        "latency_origin" => metric.EndsWith("_ms", StringComparison.Ordinal),
        "tokens_source" => metric.Contains("token", StringComparison.Ordinal),
        "requests_per_second" => metric.StartsWith("requests_per_second", StringComparison.Ordinal),
        _ when key.EndsWith(BasisSuffix, StringComparison.Ordinal) => metric.StartsWith(key[..^BasisSuffix.Length] + "_", StringComparison.Ordinal),
        _ => true,
    };

    [GeneratedRegex(@"_p\d+(\.\d+)?_", RegexOptions.CultureInvariant)]
    private static partial Regex Percentile();
}
