using Gates.Core.Results;
using Gates.Core.Statistics.Drift;
using MathNet.Numerics.Distributions;

namespace Gates.Core.Statistics.Experiments;

/// <summary>
/// The classic fixed-horizon test, valid once, at the sample size planned up front: for a superiority comparison of
/// two proportions the two-sided two-proportion z-test with the pooled proportion (treatment better when p &lt; α
/// and z points the good way); otherwise a Wald z-test on the contrast with the delta-method variances.
/// </summary>
public static class FixedHorizonComparison
{
    public const string ProportionMethod = "two-proportion z-test (pooled, two-sided)";
    public const string WaldMethod = "Wald z-test on the delta-method contrast (two-sided)";

    public static ComparisonResult Compare(ArmSummary control, ArmSummary treatment, Hypothesis hypothesis, double alpha)
    {
        var scale = hypothesis.Scale;
        var point = treatment.Value - (scale * control.Value);
        var se = Math.Sqrt(treatment.EstimateVariance() + (scale * scale * control.EstimateVariance()));
        var z = Normal.InvCDF(0, 1, 1 - (alpha / 2));
        var interval = new Interval(point - (z * se), point + (z * se), 1 - alpha);
        double p;
        string method;
        ComparisonStatus status;
        if (control.Binary && treatment.Binary && hypothesis.Kind == HypothesisKind.Superiority)
        {
            var test = TwoProportionZTest.Test(treatment.SumY, treatment.Units, control.SumY, control.Units);
            p = test.PValue;
            method = ProportionMethod;
            status = p >= alpha ? ComparisonStatus.Undecided
                : test.Z * hypothesis.Sign > 0 ? ComparisonStatus.Shown : ComparisonStatus.Refuted;
        }
        else
        {
            p = se > 0 ? 2 * Normal.CDF(0, 1, -Math.Abs(point / se)) : 1;
            method = WaldMethod;
            status = SequentialComparison.StatusOf(interval, hypothesis);
        }

        return new ComparisonResult
        {
            Status = status,
            Control = control.Value,
            Treatment = treatment.Value,
            Contrast = interval,
            Method = method,
            PValue = p,
        };
    }
}
