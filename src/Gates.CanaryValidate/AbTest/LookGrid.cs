using Gates.Prometheus;

namespace Gates.CanaryValidate.AbTest;

/// <summary>
/// The looks of one run as Prometheus range queries: steps of one interval from the first look. A last look off
/// the grid (a duration that is not a whole number of intervals) is read with one more instant query.
/// </summary>
internal sealed class LookGrid(AbTestDefinition test, IReadOnlyList<DateTimeOffset> looks)
{
    private readonly TimeSpan step = test.Settings.Interval;
    private readonly DateTimeOffset start = test.StartedAt!.Value;

    public IReadOnlyList<DateTimeOffset> Looks => looks;

    public static IReadOnlyDictionary<string, string> Variables(AbTestDefinition test, AbArm arm, TimeSpan window) => new Dictionary<string, string>
    {
        ["arm"] = arm.Label,
        ["label"] = test.Settings.ArmLabel,
        ["namespace"] = test.Namespace ?? "default",
        ["window"] = QueryTemplate.Duration(window),
    };

    /// <summary>The role's totals since the start at every look; null when no step returned a series.</summary>
    public async Task<double[]?> CumulativeAsync(PrometheusClient client, string query, AbArm arm, CancellationToken ct)
    {
        var steps = await StepsAsync(client, query, arm, null, ct);
        if (steps is null)
        {
            return null;
        }

        var totals = new double[looks.Count];
        double running = 0;
        for (var i = 0; i < looks.Count; i++)
        {
            running += steps[i] ?? 0;
            totals[i] = running;
        }

        return totals;
    }

    /// <summary>The role over the trailing <paramref name="window"/> at every look; null when no look returned a series.</summary>
    public async Task<double[]?> WindowAsync(PrometheusClient client, string query, AbArm arm, TimeSpan window, CancellationToken ct) =>
        await StepsAsync(client, query, arm, window, ct) is { } values ? [.. values.Select(v => v ?? 0)] : null;

    /// <summary>Histogram buckets (one series per <c>le</c>) since the start at every look.</summary>
    public async Task<QueryResult[]?> BucketsAsync(PrometheusClient client, string query, AbArm arm, CancellationToken ct) =>
        Cumulate(await BucketStepsAsync(client, query, arm, null, ct), cumulative: true);

    public async Task<QueryResult[]?> BucketWindowAsync(PrometheusClient client, string query, AbArm arm, TimeSpan window, CancellationToken ct) =>
        Cumulate(await BucketStepsAsync(client, query, arm, window, ct), cumulative: false);

    private QueryResult[]? Cumulate(List<(IReadOnlyDictionary<string, string> Labels, double?[] Values)>? series, bool cumulative)
    {
        if (series is null)
        {
            return null;
        }

        var results = new QueryResult[looks.Count];
        var running = series.Select(_ => 0.0).ToArray();
        for (var i = 0; i < looks.Count; i++)
        {
            var list = new List<PromSeries>();
            for (var s = 0; s < series.Count; s++)
            {
                running[s] = (cumulative ? running[s] : 0) + (series[s].Values[i] ?? 0);
                list.Add(new PromSeries(series[s].Labels, [new PromSample(looks[i], running[s])]));
            }

            results[i] = new QueryResult("vector", list, []);
        }

        return results;
    }

    private async Task<double?[]?> StepsAsync(PrometheusClient client, string query, AbArm arm, TimeSpan? trailing, CancellationToken ct)
    {
        var series = await BucketStepsAsync(client, query, arm, trailing, ct);
        if (series is { Count: > 1 })
        {
            throw new PrometheusQueryException($"the query returned {series.Count} series where one number was expected (wrap it in sum(...)): {query}");
        }

        return series?[0].Values;
    }

    /// <summary>
    /// Every series of the query at every look (null where a look has no sample); null when nothing came back. Over the
    /// <paramref name="trailing"/> window, or (null) over the time since the look before.
    /// </summary>
    private async Task<List<(IReadOnlyDictionary<string, string> Labels, double?[] Values)>?> BucketStepsAsync(
        PrometheusClient client, string query, AbArm arm, TimeSpan? trailing, CancellationToken ct)
    {
        var byLabels = new Dictionary<string, (IReadOnlyDictionary<string, string> Labels, double?[] Values)>(StringComparer.Ordinal);
        void Add(PromSeries series, int index, double value)
        {
            var key = string.Join(",", series.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
            if (!byLabels.TryGetValue(key, out var entry))
            {
                byLabels[key] = entry = (series.Labels, new double?[looks.Count]);
            }

            entry.Values[index] = double.IsFinite(value) ? value : null;
        }

        var onGrid = looks.Where(t => (t - start).Ticks % step.Ticks == 0).ToList();
        if (onGrid.Count > 0)
        {
            var text = QueryTemplate.Render(query, Variables(test, arm, trailing ?? step));
            var result = await client.QueryRangeAsync(text, onGrid[0], onGrid[^1], step, ct);
            foreach (var series in result.Series)
            {
                foreach (var sample in series.Samples)
                {
                    var index = IndexOf(sample.Time);
                    if (index >= 0)
                    {
                        Add(series, index, sample.Value);
                    }
                }
            }
        }

        for (var i = 0; i < looks.Count; i++)
        {
            if ((looks[i] - start).Ticks % step.Ticks != 0)
            {
                // Off the grid: only the end of the experiment; its own window runs from the look before.
                var previous = i > 0 ? looks[i - 1] : start;
                var own = trailing ?? looks[i] - previous;
                var text = QueryTemplate.Render(query, Variables(test, arm, own));
                foreach (var series in (await client.QueryAsync(text, looks[i], ct)).Series.Where(s => s.Samples.Count > 0))
                {
                    Add(series, i, series.Samples[^1].Value);
                }
            }
        }

        return byLabels.Count == 0 ? null : [.. byLabels.Values];
    }

    private int IndexOf(DateTimeOffset time)
    {
        for (var i = 0; i < looks.Count; i++)
        {
            if (Math.Abs((looks[i] - time).TotalSeconds) < 0.5)
            {
                return i;
            }
        }

        return -1;
    }
}
