using Gates.Core.Results;
using Gates.Core.Statistics.Sequential;
using MathNet.Numerics.Distributions;

namespace Gates.Core.Statistics.Experiments;

/// <summary>
/// Champion and challenger answers to the same requests (shadow mode), compared pair by pair on
/// d = challenger − scale · champion. Anytime-valid: the normal-mixture confidence sequence on the mean of d.
/// Fixed horizon: for 0/1 outcomes McNemar's test on the discordant pairs (as eval-gate's paired tests), otherwise
/// the paired z-test.
/// </summary>
public static class PairedComparison
{
    public const string SequentialMethod = "paired normal-mixture confidence sequence (anytime-valid)";
    public const string PairedZMethod = "paired z-test (two-sided)";

    public static ComparisonResult Compare(IReadOnlyList<double> champion, IReadOnlyList<double> challenger, Hypothesis hypothesis,
        double alpha, bool fixedHorizon, double? tuning = null, double power = 0.8)
    {
        if (champion.Count != challenger.Count || champion.Count < 2)
        {
            throw new ArgumentException("paired comparison needs at least two pairs, as many champion as challenger values");
        }

        var n = champion.Count;
        var scale = hypothesis.Scale;
        var d = champion.Select((c, i) => challenger[i] - (scale * c)).ToList();
        var mean = d.Average();
        var sd = Math.Sqrt(Math.Max(d.Sum(x => (x - mean) * (x - mean)) / (n - 1), 1e-12));
        var binary = champion.Concat(challenger).All(v => v is 0 or 1) && hypothesis.Kind == HypothesisKind.Superiority;
        if (!fixedHorizon)
        {
            var interval = MixtureSequence.Around(mean, sd, n, alpha, tuning ?? n);
            var status = SequentialComparison.StatusOf(interval, hypothesis);
            return Result(champion, challenger, interval, SequentialMethod, null, status,
                status == ComparisonStatus.Undecided ? SequentialSampleSize.For(sd, mean, alpha, tuning ?? n, power) : null);
        }

        var z = Normal.InvCDF(0, 1, 1 - (alpha / 2));
        var wald = new Interval(mean - (z * sd / Math.Sqrt(n)), mean + (z * sd / Math.Sqrt(n)), 1 - alpha);
        if (binary)
        {
            var championOnly = champion.Where((c, i) => c == 1 && challenger[i] == 0).LongCount();
            var challengerOnly = champion.Where((c, i) => c == 0 && challenger[i] == 1).LongCount();
            var test = McNemar.Test(championOnly, challengerOnly, n, 1 - alpha);
            var status = test.PValue >= alpha ? ComparisonStatus.Undecided
                : (challengerOnly - championOnly) * hypothesis.Sign > 0 ? ComparisonStatus.Shown : ComparisonStatus.Refuted;
            return Result(champion, challenger, test.Interval, test.Method, test.PValue, status, null);
        }

        var p = 2 * Normal.CDF(0, 1, -Math.Abs(mean / (sd / Math.Sqrt(n))));
        return Result(champion, challenger, wald, PairedZMethod, p, SequentialComparison.StatusOf(wald, hypothesis), null);
    }

    private static ComparisonResult Result(IReadOnlyList<double> champion, IReadOnlyList<double> challenger, Interval interval, string method,
        double? p, ComparisonStatus status, long? needed) => new()
        {
            Status = status,
            Control = champion.Average(),
            Treatment = challenger.Average(),
            Contrast = interval,
            Method = method,
            PValue = p,
            NeededTreatmentUnits = needed,
        };
}
