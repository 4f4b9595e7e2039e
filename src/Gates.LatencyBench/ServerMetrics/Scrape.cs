namespace Gates.LatencyBench.ServerMetrics;

/// <summary>One scrape of the server's /metrics: its samples and when it was taken (ms since the scraper started).</summary>
internal sealed record Scrape(double AtMs, IReadOnlyList<Sample> Samples)
{
    /// <summary>The sum over every label set of the first of <paramref name="names"/> the scrape has; null when none.</summary>
    public double? Sum(params string[] names)
    {
        foreach (var name in names)
        {
            var values = Samples.Where(s => s.Name == name && double.IsFinite(s.Value)).Select(s => s.Value).ToList();
            if (values.Count > 0)
            {
                return values.Sum();
            }
        }

        return null;
    }

    /// <summary>Cumulative bucket counts of histogram <paramref name="name"/> by upper bound, summed over the other labels.</summary>
    public SortedDictionary<double, double> Buckets(string name)
    {
        var buckets = new SortedDictionary<double, double>();
        foreach (var s in Samples.Where(s => s.Name == name + "_bucket"))
        {
            if (s.Labels.TryGetValue("le", out var le) && ParseBound(le) is { } bound && !double.IsNaN(s.Value))
            {
                buckets[bound] = buckets.GetValueOrDefault(bound) + s.Value;
            }
        }

        return buckets;
    }

    private static double? ParseBound(string le) => le switch
    {
        "+Inf" or "Inf" => double.PositiveInfinity,
        _ => double.TryParse(le, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null,
    };
}
