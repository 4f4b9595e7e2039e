using System.Globalization;
using Gates.DriftCheck.Config;
using Gates.DriftCheck.Profiling;

namespace Gates.DriftCheck.Analysis;

/// <summary>
/// Dates move on by nature, so their raw values are not compared. What is compared is the weekly pattern (day of
/// the week, when both sides span at least a week, so that every weekday can occur) and, when the values have times,
/// the daily pattern (hour of the day); the larger change decides, with the smaller p-value Bonferroni-corrected for
/// the number of looks. Null when neither pattern can be compared.
/// </summary>
internal static class DatetimeMeasure
{
    public static Measurement? Measure(ColumnProfile reference, ColumnProfile current, double threshold, DriftSettings s)
    {
        if (reference.Categories is null || current.Categories is null)
        {
            return null;
        }

        var parts = new List<(string Name, Measurement M)>();
        if (SpansAWeek(reference.Dates) && SpansAWeek(current.Dates))
        {
            parts.Add(("weekday", CategoricalMeasure.Measure(reference.Categories, current.Categories, threshold, s, "weekday=")));
        }

        if (reference.Hours is not null && current.Hours is not null)
        {
            parts.Add(("hour", CategoricalMeasure.Measure(reference.Hours, current.Hours, threshold, s, "hour=")));
        }

        if (parts.Count == 0)
        {
            return null;
        }

        var main = parts.OrderByDescending(p => p.M.Effect).First().M;
        var metrics = new Dictionary<string, double>();
        foreach (var (name, m) in parts)
        {
            foreach (var (key, value) in m.Metrics)
            {
                metrics[$"{name}_{key}"] = value;
            }
        }

        var p = Math.Min(1, parts.Min(x => x.M.PValue) * parts.Count);
        var notes = new List<string> { $"reference {Range(reference.Dates)}; current {Range(current.Dates)}" };
        return main with
        {
            Method = string.Join(" and ", parts.Select(x => x.Name)) + ": " + main.Method,
            PValue = p,
            Metrics = metrics,
            Notes = notes,
            Decided = parts.All(x => x.M.Decided is { Drift: false }) ? main.Decided : null,
        };
    }

    public const string NothingToCompare =
        "datetime without times of day, and one side spans less than a week: there is no daily or weekly pattern to compare";

    private static bool SpansAWeek(DateRange? range) => range is not null && (range.Max - range.Min).TotalDays >= 7;

    public static string Range(DateRange? range) => range is null ? "no dates" : $"{Format(range.Min, range.HasTime)} → {Format(range.Max, range.HasTime)}";

    private static string Format(DateTime d, bool time) => d.ToString(time ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
