namespace Gates.Core.Thresholds;

public enum Comparison
{
    Gte,
    Gt,
    Lte,
    Lt,
    Eq,
}

public static class ComparisonExtensions
{
    /// <summary>True when larger observed values are better under this comparison.</summary>
    public static bool HigherIsBetter(this Comparison comparison) => comparison is Comparison.Gte or Comparison.Gt;

    public static bool Holds(this Comparison comparison, double observed, double threshold, double tolerance = 0) => comparison switch
    {
        Comparison.Gte => observed >= threshold,
        Comparison.Gt => observed > threshold,
        Comparison.Lte => observed <= threshold,
        Comparison.Lt => observed < threshold,
        _ => Math.Abs(observed - threshold) <= tolerance,
    };

    public static string Symbol(this Comparison comparison) => comparison switch
    {
        Comparison.Gte => ">=",
        Comparison.Gt => ">",
        Comparison.Lte => "<=",
        Comparison.Lt => "<",
        _ => "==",
    };

    public static string ToWord(this Comparison comparison) => comparison.ToString().ToLowerInvariant();
}
