using Gates.Core.Statistics.Drift;
using Gates.DriftCheck.Config;
using Gates.DriftCheck.Profiling;

namespace Gates.DriftCheck.Analysis;

/// <summary>Per-column checks beyond the distribution, each with its own threshold and severity.</summary>
internal static class Signals
{
    /// <summary>Missing-rate change: fires when it moved by at least the threshold and a two-proportion z-test agrees.</summary>
    public static SignalResult MissingRate(ColumnProfile reference, ColumnProfile current, DriftSettings s)
    {
        var r = (double)reference.Missing / Math.Max(reference.Rows, 1);
        var c = (double)current.Missing / Math.Max(current.Rows, 1);
        var test = TwoProportionZTest.Test(reference.Missing, Math.Max(reference.Rows, 1), current.Missing, Math.Max(current.Rows, 1));
        var change = c - r;
        return new SignalResult
        {
            Name = "missing rate",
            Value = change,
            Threshold = s.MissingRate.Threshold,
            PValue = test.PValue,
            Fired = Math.Abs(change) >= s.MissingRate.Threshold && Math.Abs(change) > 0 && test.PValue < s.Alpha,
            Severity = s.MissingRate.Severity,
            Words = $"missing {Words.Percent(r)} → {Words.Percent(c)}",
        };
    }

    /// <summary>Share of current values in categories the reference never had, with the most frequent examples.</summary>
    public static SignalResult? NewCategories(CategoryCounts reference, CategoryCounts current, DriftSettings s)
    {
        if (!reference.Complete)
        {
            return null;
        }

        var unseen = current.Counts.Where(e => !reference.Counts.ContainsKey(e.Key))
            .OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).ToList();
        var share = (double)unseen.Sum(e => e.Value) / Math.Max(current.Total, 1);
        var count = unseen.Count + (current.Other > 0 ? 1 : 0);
        return new SignalResult
        {
            Name = "new categories",
            Value = share,
            Threshold = s.NewCategories.Threshold,
            Fired = unseen.Count > 0 && share >= s.NewCategories.Threshold,
            Severity = s.NewCategories.Severity,
            Words = unseen.Count == 0 ? "no new categories"
                : $"{Words.Plural(unseen.Count, "new category", "new categories")} ({Words.Percent(share)} of current values)",
            Examples = [.. unseen.Take(5).Select(e => $"{e.Key} ({Words.Count(e.Value)})")],
        };
    }

    /// <summary>
    /// Share of current values outside [reference min, reference max]. With no drift a new value falls outside the
    /// range of n reference values with probability 2/(n + 1); the signal needs that to be rejected too.
    /// </summary>
    public static SignalResult OutOfRange(NumericSummary reference, NumericSummary current, DriftSettings s)
    {
        var d = current.Distribution;
        var below = d.CumulativeWeight(Math.BitDecrement(reference.Min));
        var above = d.TotalWeight - d.CumulativeWeight(reference.Max);
        var outside = below + above;
        var share = outside / d.TotalWeight;
        var expected = 2.0 / (reference.Count + 1);
        var p = outside <= 0 ? 1 : MathNet.Numerics.SpecialFunctions.BetaRegularized(outside, d.TotalWeight - outside + 1, expected);
        return new SignalResult
        {
            Name = "out of range",
            Value = share,
            Threshold = s.OutOfRange.Threshold,
            PValue = p,
            Fired = outside > 0 && share >= s.OutOfRange.Threshold && p < s.Alpha,
            Severity = s.OutOfRange.Severity,
            Words = outside == 0 ? $"all current values within the reference range [{Words.Number(reference.Min)}, {Words.Number(reference.Max)}]"
                : $"{Words.Percent(share)} of current values outside the reference range [{Words.Number(reference.Min)}, {Words.Number(reference.Max)}]" +
                  $" ({Words.Count((long)below)} below, {Words.Count((long)above)} above)",
        };
    }

    /// <summary>Current values that do not fit the column's type (text in a numeric column, non-dates in a date column).</summary>
    public static SignalResult? Invalid(ColumnProfile reference, ColumnProfile current, DriftSettings s)
    {
        if (reference.Type is not (ColumnType.Numeric or ColumnType.Datetime))
        {
            return null;
        }

        var share = (double)current.Invalid / Math.Max(current.NonMissing, 1);
        var kind = reference.Type == ColumnType.Numeric ? "not numbers" : "not ISO dates";
        return new SignalResult
        {
            Name = "invalid values",
            Value = share,
            Threshold = s.InvalidValues.Threshold,
            Fired = current.Invalid > 0 && share >= s.InvalidValues.Threshold,
            Severity = s.InvalidValues.Severity,
            Words = current.Invalid == 0 ? $"all current values are {(reference.Type == ColumnType.Numeric ? "numbers" : "dates")}"
                : $"{Words.Count(current.Invalid)} current values are {kind} (first {current.InvalidExample})",
        };
    }
}
