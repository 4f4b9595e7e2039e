using System.Globalization;

namespace Gates.DriftCheck.Profiling;

/// <summary>Decides a column's type from one pass over its reference values, and says why.</summary>
internal static class TypeInference
{
    /// <summary>Whole numbers with at most this many distinct values are category codes (as Evidently decides).</summary>
    public const int MaxIntegerCategories = 10;

    /// <summary>Text where at least this share of the values is distinct is an identifier (or free text).</summary>
    public const double IdentifierRatio = 0.95;

    public static (ColumnType Type, string Reason) Infer(ColumnAccumulator c)
    {
        var n = c.NonMissing - c.NonFinite;
        if (n <= 0)
        {
            return (ColumnType.Empty, c.Rows == 0 ? "no rows" : $"all {Count(c.Rows)} values are missing");
        }

        if (c.TextCells == 0)
        {
            return Numbers(c, n);
        }

        if (c.NumericCells > 0)
        {
            var share = (double)c.NumericCells / n;
            if (share >= 0.5)
            {
                var (row, value) = c.FirstText!.Value;
                return (ColumnType.Mixed,
                    $"mixed: {Count(c.NumericCells)} numbers and {Count(c.TextCells)} other values (first '{Short(value)}' at row {row}); " +
                    "list them in missing_values or set the column's type");
            }
        }

        if (c.DateCells == c.TextCells && c.NumericCells == 0)
        {
            var example = c.MinDate!.Value.ToString(c.DatesHaveTime ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
            return (ColumnType.Datetime, $"every value is an ISO 8601 {(c.DatesHaveTime ? "date and time" : "date")} (earliest {example})");
        }

        return Strings(c, n);
    }

    private static (ColumnType, string) Numbers(ColumnAccumulator c, long n)
    {
        var distinct = c.DistinctComplete ? Canonical(c).Count : -1;
        if (distinct == 2 && Canonical(c).All(v => v is "0" or "1"))
        {
            return (ColumnType.Boolean, "numbers that are only 0 and 1");
        }

        if (c.AllIntegers && distinct >= 0 && distinct <= MaxIntegerCategories)
        {
            return (ColumnType.Categorical,
                $"whole numbers with {distinct} distinct {(distinct == 1 ? "value" : "values")} (at most {MaxIntegerCategories}): compared as categories");
        }

        if (c.AllIntegers && c.StrictlyIncreasing && n >= 20 && c.Missing == 0)
        {
            return (ColumnType.Identifier, "whole numbers, all different and increasing: a row index or id");
        }

        var what = c.AllIntegers ? "whole numbers" : "numbers";
        var many = distinct >= 0 ? $"{Count(distinct)} distinct values" : $"more than {Count(ColumnAccumulator.NumericDistinctLimit)} distinct values";
        return (ColumnType.Numeric, $"{what} with {many}");
    }

    private static (ColumnType, string) Strings(ColumnAccumulator c, long n)
    {
        var distinct = c.Distinct.Distinct;
        if (c.DistinctComplete && distinct <= 8 && BooleanWords.IsBooleanSet(c.Distinct.Entries().Select(e => e.Value)))
        {
            var words = c.Distinct.Entries().Select(e => e.Value.Trim().ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal);
            return (ColumnType.Boolean, $"only the values {string.Join(" and ", words)}");
        }

        var meanLength = (double)c.TextChars / c.TextCells;
        var spaceShare = (double)c.TextWithSpaces / c.TextCells;
        var ratio = c.DistinctComplete ? (double)distinct / n : 1.0;
        var distinctWords = c.DistinctComplete ? $"{Percent(ratio)} distinct" : $"more than {Count(distinct)} distinct values";
        if (ratio > 0.5 && (meanLength >= 30 || (spaceShare >= 0.5 && meanLength >= 15)))
        {
            return (ColumnType.Text, $"free text: mean length {meanLength:0} characters, {distinctWords}; compared by length");
        }

        if (ratio >= IdentifierRatio && n >= 20)
        {
            return (ColumnType.Identifier, $"{distinctWords} values: an identifier, not compared");
        }

        return (ColumnType.Categorical, $"text with {Count(distinct)} distinct {(distinct == 1 ? "value" : "values")}");
    }

    /// <summary>The distinct values, numbers written canonically ("1.0" and "1" are the same value).</summary>
    public static HashSet<string> Canonical(ColumnAccumulator c) =>
        c.Distinct.Entries().Select(e => CanonicalKey(e.Value)).ToHashSet(StringComparer.Ordinal);

    public static string CanonicalKey(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number.ToString("R", CultureInfo.InvariantCulture)
            : value;

    public static string Count(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Percent(double share) => (share * 100).ToString(share < 0.01 && share > 0 ? "0.##" : "0.#", CultureInfo.InvariantCulture) + "%";

    public static string Short(string value) => value.Length <= 40 ? value : value[..37] + "…";
}
