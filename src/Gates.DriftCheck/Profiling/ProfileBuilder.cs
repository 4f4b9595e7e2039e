using System.Globalization;
using Gates.Core.Statistics.Drift;

namespace Gates.DriftCheck.Profiling;

/// <summary>Turns what one pass learned about a column into its profile, for a given type.</summary>
internal static class ProfileBuilder
{
    public static readonly string[] WeekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    public static ColumnProfile Build(ColumnAccumulator c, ColumnType type, string reason)
    {
        var profile = new ColumnProfile
        {
            Name = c.Name,
            Type = type,
            TypeReason = reason,
            Rows = c.Rows,
            Missing = c.Missing,
            NonFinite = c.NonFinite,
            Problem = c.Oversized is { } big
                ? $"row {big.Row} has a {TypeInference.Count(big.Bytes)}-byte value, above the limit of the field size (--max-field-size)"
                : null,
        };

        return type switch
        {
            ColumnType.Numeric => profile with
            {
                Numbers = Numeric(c.Numbers),
                Invalid = c.TextCells,
                InvalidExample = Example(c.FirstText),
            },
            ColumnType.Text => profile with { Numbers = Lengths(c) },
            ColumnType.Categorical => profile with { Categories = Categories(c, TypeInference.CanonicalKey) },
            ColumnType.Boolean => profile with { Categories = Categories(c, BooleanWords.Canonical) },
            ColumnType.Datetime => Dates(profile, c),
            _ => profile,
        };
    }

    /// <summary>The summary of a column's numbers: exact, or through the sketch when there were too many to keep.</summary>
    public static NumericSummary? Numeric(NumberSketch numbers)
    {
        var (distribution, moments, error) = numbers.Finish();
        return distribution is null ? null : new NumericSummary(distribution, moments, distribution.Min, distribution.Max) { CdfError = error };
    }

    private static NumericSummary? Lengths(ColumnAccumulator c)
    {
        if (c.TextLengths.Count == 0)
        {
            return null;
        }

        var ordered = c.TextLengths.OrderBy(e => e.Key).ToList();
        var distribution = new EmpiricalDistribution(
            [.. ordered.Select(e => (double)e.Key)], [.. ordered.Select(e => (double)e.Value)], ordered.Sum(e => e.Value), isExact: true);
        return new NumericSummary(distribution, Moments.Of(distribution), distribution.Min, distribution.Max);
    }

    private static CategoryCounts Categories(ColumnAccumulator c, Func<string, string> key)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (value, count) in c.Distinct.Entries())
        {
            var k = key(value);
            counts[k] = counts.GetValueOrDefault(k) + count;
        }

        var other = c.NonMissing - c.NonFinite - counts.Values.Sum();
        return new CategoryCounts(counts, Math.Max(other, 0));
    }

    private static ColumnProfile Dates(ColumnProfile profile, ColumnAccumulator c)
    {
        var invalid = c.NonMissing - c.DateCells;
        profile = profile with
        {
            Invalid = invalid,
            InvalidExample = invalid > 0 ? Example(c.FirstNonDate) : null,
        };
        if (c.DateCells == 0)
        {
            return profile;
        }

        var weekdays = Enumerable.Range(0, 7).Where(i => c.WeekdayCounts[i] > 0).ToDictionary(i => WeekdayNames[i], i => c.WeekdayCounts[i]);
        var hours = Enumerable.Range(0, 24).Where(i => c.HourCounts[i] > 0)
            .ToDictionary(i => i.ToString("00", CultureInfo.InvariantCulture), i => c.HourCounts[i]);
        return profile with
        {
            Dates = new DateRange(c.MinDate!.Value, c.MaxDate!.Value, c.DatesHaveTime),
            Categories = new CategoryCounts(weekdays, 0),
            Hours = c.DatesHaveTime ? new CategoryCounts(hours, 0) : null,
        };
    }

    private static string? Example((long Row, string Value)? first) =>
        first is { } f ? $"'{TypeInference.Short(f.Value)}' at row {f.Row}" : null;
}
