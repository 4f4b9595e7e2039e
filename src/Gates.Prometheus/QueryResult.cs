namespace Gates.Prometheus;

/// <summary>One sample of a series.</summary>
public sealed record PromSample(DateTimeOffset Time, double Value);

/// <summary>One series: its labels and its samples (one for an instant vector, many for a range matrix).</summary>
public sealed record PromSeries(IReadOnlyDictionary<string, string> Labels, IReadOnlyList<PromSample> Samples);

/// <summary>The data of a successful query: "vector", "matrix", "scalar" or "string", with the server's warnings.</summary>
public sealed record QueryResult(string ResultType, IReadOnlyList<PromSeries> Series, IReadOnlyList<string> Warnings)
{
    public bool IsEmpty => Series.Count == 0;

    /// <summary>The single value of a scalar or one-series vector; null when the vector is empty.</summary>
    public double? SingleValue(string query)
    {
        if (Series.Count == 0)
        {
            return null;
        }

        if (Series.Count > 1)
        {
            throw new PrometheusQueryException($"the query returned {Series.Count} series where one number was expected (wrap it in sum(...)): {query}");
        }

        return Series[0].Samples.Count == 0 ? null : Series[0].Samples[^1].Value;
    }
}
