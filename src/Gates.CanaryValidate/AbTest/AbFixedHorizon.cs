using Gates.Core;
using Gates.Core.Statistics.Experiments;

namespace Gates.CanaryValidate.AbTest;

/// <summary>
/// <c>--fixed-horizon</c>: the sample size of the two-proportion z-test, planned up front from the first proportion
/// primary (the control's rate from <c>analysis.baselineRate</c>, else observed at the first look with data, and
/// the minimum detectable effect <c>analysis.mde</c>), and the warning for a look before that size.
/// </summary>
internal static class AbFixedHorizon
{
    public static (long Control, long Treatment) Plan(AbTestDefinition test, AbData data)
    {
        var s = test.Settings;
        var metric = test.Primary.FirstOrDefault(m => m.Kind == AbMetricKind.Proportion)
            ?? throw new GateInputException("--fixed-horizon plans a two-proportion z-test: it needs a proportion among the primary metrics");
        var mde = s.Mde ?? throw new GateInputException("--fixed-horizon needs the minimum detectable effect: --mde or analysis.mde (an absolute difference such as 0.02)");
        var control = s.BaselineRate
            ?? data.Metrics.GetValueOrDefault(metric.Name)?.Select(p => p.Control).FirstOrDefault(c => c is { Units: > 0 })?.Value;
        if (control is not { } pc)
        {
            return (long.MaxValue, long.MaxValue);
        }

        var pt = Math.Clamp(metric.HigherIsBetter ? pc + mde : pc - mde, 1e-6, 1 - 1e-6);
        return FixedHorizonSampleSize.TwoProportions(Math.Clamp(pc, 1e-6, 1 - 1e-6), pt, s.Alpha, s.Power, test.TreatmentShare)
            ?? throw new GateInputException("--fixed-horizon: the minimum detectable effect must be larger than 0");
    }

    public static string PeekingWarning(AbLook look, (long Control, long Treatment) plan)
    {
        var n = look.Metrics.FirstOrDefault(m => m.Role == "primary");
        var planned = plan.Control == long.MaxValue ? "a size not yet known (no control data)" : $"{AbText.Count(plan.Control)} control / {AbText.Count(plan.Treatment)} treatment";
        return $"peeking: look {look.Number} is before the planned sample size ({AbText.Count(n?.ControlN ?? 0)} control / {AbText.Count(n?.TreatmentN ?? 0)} treatment of {planned}); " +
            "the fixed-horizon z-test is valid once, at the planned size, so its p-value now is not a decision";
    }
}
