namespace Gates.Core.Results;

/// <summary>The value a check's threshold applies to: the observed value, or its change against the baseline.</summary>
public static class CheckValues
{
    public const string DeltaCompared = "delta";
    public const string RelativeDeltaCompared = "relative-delta";

    public static bool IsDelta(CheckResult check) => check.Compared is not null;

    /// <summary>The observed value, the delta, or the relative delta, as <see cref="CheckResult.Compared"/> says.</summary>
    public static double? ComparedValue(CheckResult check) => check.Compared switch
    {
        DeltaCompared => check.Delta,
        RelativeDeltaCompared => check.Delta is { } d && check.BaselineValue is { } b && b != 0 ? d / Math.Abs(b) : null,
        _ => check.Observed,
    };
}
