using Gates.Core.Results;
using Gates.Core.Statistics.Sequential;
using MathNet.Numerics.Distributions;

namespace Gates.Core.Statistics.Experiments;

/// <summary>
/// A guardrail on one arm over a trailing window: breached when the whole interval lies beyond the threshold on the
/// bad side. Proportions use the exact beta-binomial confidence sequence; other metrics the normal interval with the
/// delta-method variance. The caller splits α over the looks (a breach at any look is a rollback).
/// </summary>
public static class WindowCheck
{
    public static (Interval Interval, bool Breached) Evaluate(ArmSummary window, double threshold, bool higherIsBetter, double alpha)
    {
        Interval interval;
        if (window.Binary)
        {
            var k = (long)Math.Clamp(Math.Round(window.SumY), 0, window.Units);
            interval = ProportionSequence.Bounds(k, window.Units, alpha, BetaPrior.CentredOn(threshold));
        }
        else
        {
            var half = Normal.InvCDF(0, 1, 1 - (alpha / 2)) * Math.Sqrt(window.EstimateVariance());
            interval = double.IsFinite(half)
                ? new Interval(window.Value - half, window.Value + half, 1 - alpha)
                : new Interval(double.NegativeInfinity, double.PositiveInfinity, 1 - alpha);
        }

        var breached = higherIsBetter ? interval.High < threshold : interval.Low > threshold;
        return (interval, breached);
    }
}
