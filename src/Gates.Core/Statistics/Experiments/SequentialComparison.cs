using Gates.Core.Results;
using Gates.Core.Statistics.Sequential;

namespace Gates.Core.Statistics.Experiments;

/// <summary>
/// Anytime-valid comparison of treatment with control: the two-sample normal-mixture confidence sequence (see
/// <see cref="MixtureSequence"/>) on the contrast D = treatment − scale · control, whose variance is the sum of the
/// arms' delta-method variances. Valid at every look at once with probability 1 − α, so a scheduled job may look
/// every hour for a week. Intersected with the previous looks' interval, so a settled comparison stays settled.
/// </summary>
public static class SequentialComparison
{
    public const string Method = "two-sample normal-mixture confidence sequence (anytime-valid)";

    /// <param name="tuningTotal">Units (both arms) at which the sequence is tightest; any fixed value keeps the guarantee.</param>
    public static ComparisonResult Compare(ArmSummary control, ArmSummary treatment, Hypothesis hypothesis, double alpha,
        double tuningTotal, Interval? previous = null, double power = 0.8, double? effect = null)
    {
        var scale = hypothesis.Scale;
        var point = treatment.Value - (scale * control.Value);
        var variance = treatment.EstimateVariance() + (scale * scale * control.EstimateVariance());
        double total = treatment.Units + control.Units;
        var sd = Math.Sqrt(variance * total);
        var fresh = MixtureSequence.Around(point, sd, total, alpha, tuningTotal);
        var interval = Intersect(previous, fresh);
        var status = StatusOf(interval, hypothesis);
        long? needed = null, neededForEffect = null;
        if (status == ComparisonStatus.Undecided && double.IsFinite(sd))
        {
            var share = treatment.Units / total;
            long? Treatment(double margin) => SequentialSampleSize.For(sd, margin, alpha, tuningTotal, power) is { } n ? (long)Math.Ceiling(n * share) : null;
            needed = Treatment(point);
            neededForEffect = effect is > 0 and { } e ? Treatment(e) : null;
        }

        return new ComparisonResult
        {
            Status = status,
            Control = control.Value,
            Treatment = treatment.Value,
            Contrast = interval,
            Method = Method,
            NeededTreatmentUnits = needed,
            Effect = effect,
            NeededForEffect = neededForEffect,
        };
    }

    /// <summary>Shown when the whole interval is on the good side of 0, refuted when it is wholly on the bad side.</summary>
    public static ComparisonStatus StatusOf(Interval contrast, Hypothesis hypothesis)
    {
        var (goodLow, goodHigh) = hypothesis.HigherIsBetter ? (contrast.Low, contrast.High) : (-contrast.High, -contrast.Low);
        return goodLow > 0 ? ComparisonStatus.Shown : goodHigh < 0 ? ComparisonStatus.Refuted : ComparisonStatus.Undecided;
    }

    private static Interval Intersect(Interval? previous, Interval fresh)
    {
        if (previous is null)
        {
            return fresh;
        }

        var low = Math.Max(previous.Low, fresh.Low);
        var high = Math.Min(previous.High, fresh.High);
        return low <= high ? new Interval(low, high, fresh.Level) : fresh;
    }
}
