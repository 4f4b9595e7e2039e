using System.Globalization;
using Gates.Core.Statistics.Drift;
using Gates.DriftCheck.Profiling;

namespace Gates.DriftCheck.Analysis;

/// <summary>Reference and current shares over shared bins, for the HTML charts.</summary>
internal static class Histograms
{
    private const int NumericBins = 20;
    private const int MaxCategories = 15;

    /// <summary>Equal-width bins over the central 99% of both samples; the outer bins also hold the tails.</summary>
    public static Histogram Numeric(EmpiricalDistribution reference, EmpiricalDistribution current)
    {
        var low = Math.Min(reference.Quantile(0.005), current.Quantile(0.005));
        var high = Math.Max(reference.Quantile(0.995), current.Quantile(0.995));
        var bins = high > low ? NumericBins : 1;
        var width = (high - low) / bins;
        var labels = new List<string>();
        var r = new double[bins];
        var c = new double[bins];
        for (var i = 0; i < bins; i++)
        {
            var from = low + (i * width);
            var to = i == bins - 1 ? double.PositiveInfinity : low + ((i + 1) * width);
            var below = i == 0 ? double.NegativeInfinity : from;
            r[i] = Share(reference, below, to);
            c[i] = Share(current, below, to);
            labels.Add(bins == 1 ? Words.Number(low) : $"{Words.Number(from)}–{Words.Number(i == bins - 1 ? high : to)}");
        }

        return new Histogram(labels, r, c, Numeric: true);
    }

    /// <summary>The categories with the largest share on either side, the rest as "(other)".</summary>
    public static Histogram Categorical(IReadOnlyDictionary<string, double> reference, IReadOnlyDictionary<string, double> current)
    {
        var rTotal = Math.Max(reference.Values.Sum(), 1e-300);
        var cTotal = Math.Max(current.Values.Sum(), 1e-300);
        var keys = reference.Keys.Union(current.Keys)
            .OrderByDescending(k => Math.Max(reference.GetValueOrDefault(k) / rTotal, current.GetValueOrDefault(k) / cTotal))
            .ThenBy(k => k, StringComparer.Ordinal)
            .ToList();
        var shown = Natural(keys.Take(keys.Count > MaxCategories ? MaxCategories - 1 : MaxCategories).ToList());
        var labels = shown.ToList();
        var r = shown.Select(k => reference.GetValueOrDefault(k) / rTotal).ToList();
        var c = shown.Select(k => current.GetValueOrDefault(k) / cTotal).ToList();
        if (shown.Count < keys.Count)
        {
            labels.Add($"(other {keys.Count - shown.Count})");
            r.Add(Math.Max(0, 1 - r.Sum()));
            c.Add(Math.Max(0, 1 - c.Sum()));
        }

        return new Histogram(labels, r, c, Numeric: false);
    }

    /// <summary>Weekdays in week order and numbers in numeric order; other categories stay largest first.</summary>
    private static List<string> Natural(List<string> keys)
    {
        if (keys.All(k => ProfileBuilder.WeekdayNames.Contains(k)))
        {
            return [.. keys.OrderBy(k => (Array.IndexOf(ProfileBuilder.WeekdayNames, k) + 6) % 7)];
        }

        var numbers = keys.Select(k => double.TryParse(k, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToList();
        return numbers.All(double.IsFinite) ? [.. keys.Zip(numbers).OrderBy(x => x.Second).Select(x => x.First)] : keys;
    }

    private static double Share(EmpiricalDistribution d, double above, double upTo)
    {
        var hi = double.IsPositiveInfinity(upTo) ? d.TotalWeight : d.CumulativeWeight(upTo);
        var lo = double.IsNegativeInfinity(above) ? 0 : d.CumulativeWeight(above);
        return (hi - lo) / d.TotalWeight;
    }
}
