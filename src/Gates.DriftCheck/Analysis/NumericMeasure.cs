using Gates.Core.Statistics.Drift;
using Gates.DriftCheck.Config;
using Gates.DriftCheck.Profiling;

namespace Gates.DriftCheck.Analysis;

/// <summary>
/// Default mode for numbers (and text lengths): effect = Wasserstein distance in reference standard deviations,
/// significance = two-sample Kolmogorov–Smirnov; PSI on reference deciles and the mean shift are reported too.
/// </summary>
internal static class NumericMeasure
{
    public static Measurement Measure(NumericSummary reference, NumericSummary current, double threshold, DriftSettings s, bool lengths = false)
    {
        var r = reference.Distribution;
        var c = current.Distribution;
        if (r.Values.Length == 1)
        {
            return ConstantReference(reference, current, s);
        }

        var sd = reference.Moments.PopulationStandardDeviation;
        var ks = KolmogorovSmirnovTest.Test(r, c);
        var wasserstein = Divergences.Wasserstein(r, c);
        var bins = QuantileBins.FromReference(r, s.PsiBins);
        var psi = Divergences.PopulationStabilityIndex(bins.Counts(r), bins.Counts(c), s.PsiSmoothing);
        var shift = (current.Moments.Mean - reference.Moments.Mean) / sd;
        var (detectable, needed) = DetectableEffect.Numeric(r.SampleSize, c.SampleSize, threshold, s.Alpha, s.Power);
        var notes = new List<string>();
        if (!r.IsExact || !c.IsExact)
        {
            var which = (r.IsExact, c.IsExact) switch { (false, false) => "both sides are", (false, true) => "the reference is", _ => "the current data is" };
            notes.Add($"{which} summarised by a quantile sketch (reference {Words.Count(r.Values.Length)} points, current {Words.Count(c.Values.Length)}): " +
                $"the KS distance is exact to ±{Words.Number(reference.CdfError + current.CdfError)}");
        }

        return new Measurement
        {
            Method = $"wasserstein/sd + ks ({(ks.Method == KsMethod.Exact ? "exact" : "asymptotic")})",
            EffectName = "wasserstein_norm",
            Effect = wasserstein / sd,
            EffectThreshold = threshold,
            EffectUnit = "sd",
            PValue = ks.PValue,
            ReferenceCount = r.SampleSize,
            CurrentCount = c.SampleSize,
            Words = Describe(reference, current, shift, lengths),
            DetectableEffect = detectable,
            NeededCurrentRows = needed,
            NeededNote = needed is null ? ReferenceTooSmall(threshold, s) : null,
            Histogram = Histograms.Numeric(r, c),
            Notes = notes,
            Metrics = new()
            {
                ["wasserstein_norm"] = wasserstein / sd,
                ["wasserstein"] = wasserstein,
                ["ks_statistic"] = ks.Statistic,
                ["ks_p_value"] = ks.PValue,
                ["psi"] = psi,
                ["psi_expected_no_drift"] = (bins.Count - 1) * ((1.0 / r.SampleSize) + (1.0 / c.SampleSize)),
                ["mean_reference"] = reference.Moments.Mean,
                ["mean_current"] = current.Moments.Mean,
                ["sd_reference"] = sd,
                ["sd_current"] = current.Moments.PopulationStandardDeviation,
                ["mean_shift_sd"] = shift,
                ["min_reference"] = reference.Min,
                ["max_reference"] = reference.Max,
                ["min_current"] = current.Min,
                ["max_current"] = current.Max,
            },
        };
    }

    public static string Describe(NumericSummary reference, NumericSummary current, double shift, bool lengths)
    {
        var from = Words.Number(reference.Moments.Mean);
        var to = Words.Number(current.Moments.Mean);
        var text = lengths ? $"mean length {from} → {to} characters ({Words.Signed(shift)} sd)" : $"mean {Words.Signed(shift)} sd ({from} → {to})";
        var ratio = current.Moments.PopulationStandardDeviation / reference.Moments.PopulationStandardDeviation;
        if (Math.Abs(ratio - 1) >= 0.1)
        {
            text += $", spread ×{Words.Number(ratio)}";
        }

        return text;
    }

    /// <summary>A constant reference has no spread to measure a shift in: compare "same value" against "other value".</summary>
    private static Measurement ConstantReference(NumericSummary reference, NumericSummary current, DriftSettings s)
    {
        var value = reference.Min;
        var same = current.Distribution.CumulativeWeight(value) - current.Distribution.CumulativeWeight(Math.BitDecrement(value));
        var differ = current.Distribution.TotalWeight - same;
        var label = Words.Number(value);
        var counts = new CategoryCounts(new Dictionary<string, long> { [$"= {label}"] = reference.Count }, 0);
        var currentCounts = new CategoryCounts(
            new Dictionary<string, long> { [$"= {label}"] = (long)same, [$"≠ {label}"] = (long)differ }.Where(e => e.Value > 0).ToDictionary(), 0);
        var measurement = CategoricalMeasure.Measure(counts, currentCounts, s.CategoricalEffect, s);
        var words = differ == 0
            ? $"constant {label} in both"
            : $"the reference is always {label}; {Words.Percent(differ / current.Distribution.TotalWeight)} of current values differ (mean {Words.Number(current.Moments.Mean)})";
        return measurement with { Method = "constant reference: " + measurement.Method, Words = words };
    }

    private static string ReferenceTooSmall(double threshold, DriftSettings s)
    {
        var c = DetectableEffect.KsConstant(s.Alpha, s.Power);
        var d = (2 * MathNet.Numerics.Distributions.Normal.CDF(0, 1, threshold / 2)) - 1;
        return $"the reference is too small to detect {Words.Number(threshold)} sd with any current size; " +
               $"about {Words.Count(DetectableEffect.NeededEqualSizes(d * d / (c * c)))} rows on each side would be";
    }
}
