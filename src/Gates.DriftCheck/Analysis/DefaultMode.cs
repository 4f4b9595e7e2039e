using Gates.DriftCheck.Config;
using Gates.DriftCheck.Profiling;

namespace Gates.DriftCheck.Analysis;

/// <summary>
/// The default mode: measure each column's effect and significance, then decide — drift only when the effect is at
/// least the threshold that matters and the test is significant; insufficient data when the current sample could
/// not have detected an effect of that size.
/// </summary>
internal static class DefaultMode
{
    public static double ThresholdFor(ColumnProfile reference, ColumnSettings column, DriftSettings s) =>
        column.Effect ?? (reference.Type is ColumnType.Numeric or ColumnType.Text ? s.NumericEffect : s.CategoricalEffect);

    public static Measurement? Measure(string name, ColumnProfile r, ColumnProfile c, ColumnSettings column, DriftSettings s)
    {
        var threshold = ThresholdFor(r, column, s);
        return r.Type switch
        {
            ColumnType.Numeric => NumericMeasure.Measure(r.Numbers!, c.Numbers!, threshold, s),
            ColumnType.Text => NumericMeasure.Measure(r.Numbers!, c.Numbers!, threshold, s, lengths: true),
            ColumnType.Categorical or ColumnType.Boolean => CategoricalMeasure.Measure(r.Categories!, c.Categories!, threshold, s, name + "="),
            ColumnType.Datetime => DatetimeMeasure.Measure(r, c, threshold, s),
            _ => null,
        };
    }

    public static (ColumnStatus Status, string Reason) Decide(Measurement m, double p, DriftSettings s)
    {
        if (m.Decided is { } decided)
        {
            return (decided.Drift ? ColumnStatus.Drift : ColumnStatus.NoDrift, decided.Reason);
        }

        var effect = $"{m.EffectName.Replace('_', ' ')} {Words.Number(m.Effect)}";
        var threshold = Words.Number(m.EffectThreshold);
        var pText = $"p = {Words.PValue(p)}";
        var significant = p < s.Alpha;
        var large = m.Effect >= m.EffectThreshold;
        if (significant && large)
        {
            return (ColumnStatus.Drift, $"{effect} ≥ {threshold} and significant ({pText})");
        }

        if (significant)
        {
            return (ColumnStatus.NoDrift, $"significant ({pText}) but {effect} < {threshold}: too small to matter");
        }

        var detectable = m.DetectableEffect ?? double.PositiveInfinity;
        if (detectable <= m.EffectThreshold)
        {
            var noise = large ? $"; {effect} is within noise" : "";
            return (ColumnStatus.NoDrift, $"not significant ({pText}); an effect of {threshold} would have been detected (detectable from {Words.Number(detectable)}){noise}");
        }

        var needed = m.NeededCurrentRows is { } n
            ? $"about {Words.Count(n)} current values would detect {threshold}"
            : m.NeededNote ?? "no current size is enough with this reference";
        var can = double.IsPositiveInfinity(detectable) ? "cannot detect any effect" : $"can only detect {Words.Number(detectable)} or more";
        return (ColumnStatus.InsufficientData, $"not significant ({pText}), and {Words.Count(m.CurrentCount)} current values {can} (threshold {threshold}): {needed}");
    }
}
