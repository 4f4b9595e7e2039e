using Gates.CanaryValidate.Metrics;
using Gates.Core;
using Gates.Core.Statistics.Experiments;
using Gates.Prometheus;

namespace Gates.CanaryValidate.AbTest;

/// <summary>
/// Reads an experiment from Prometheus with range queries, stateless: every role's increase over each look interval
/// (<c>step</c> = window = the interval, ending at the looks) is summed into the totals since the start, so a run an
/// hour later gets the same numbers for the looks both have. Guardrails are the same range queries over their
/// trailing windows. No series is no data, never zero.
/// </summary>
internal sealed class PrometheusAbSource(PrometheusClient client) : IAbDataSource
{
    public async Task<AbData> ReadAsync(AbTestDefinition test, IReadOnlyList<DateTimeOffset> looks, CancellationToken ct)
    {
        try
        {
            var grid = new LookGrid(test, looks);
            var metrics = new Dictionary<string, IReadOnlyList<ArmPair>>();
            foreach (var metric in test.Primary.Concat(test.Secondary).DistinctBy(m => m.Name).Where(m => m.Kind != AbMetricKind.Quantile))
            {
                var control = await ArmsAsync(grid, metric, test.Control, null, ct);
                var treatment = await ArmsAsync(grid, metric, test.Treatment, null, ct);
                metrics[metric.Name] = [.. control.Select((c, i) => new ArmPair(c, treatment[i]))];
            }

            var guardrails = new List<IReadOnlyList<ArmSummary?>>();
            foreach (var guardrail in test.Guardrails)
            {
                guardrails.Add(await ArmsAsync(grid, guardrail.Metric, test.Treatment, guardrail.Window, ct));
            }

            var control0 = await grid.CumulativeAsync(client, test.Settings.TrafficQuery, test.Control, ct);
            var treatment0 = await grid.CumulativeAsync(client, test.Settings.TrafficQuery, test.Treatment, ct);
            var traffic = looks.Select((_, i) => control0 is null && treatment0 is null ? null
                : new ArmTraffic(Count(control0?[i] ?? 0), Count(treatment0?[i] ?? 0))).ToList();
            return new AbData { Metrics = metrics, Guardrails = guardrails, Traffic = traffic, Quantiles = await QuantilesAsync(test, looks, ct) };
        }
        catch (PrometheusUnavailableException e)
        {
            throw new GateRuntimeException($"Prometheus: {e.Message}", e);
        }
        catch (Exception e) when (e is PrometheusQueryException or PrometheusAuthException or ArgumentException)
        {
            throw new GateInputException($"Prometheus: {e.Message}");
        }
    }

    /// <summary>One arm of a metric at every look: totals since the start, or over a trailing window.</summary>
    private async Task<IReadOnlyList<ArmSummary?>> ArmsAsync(LookGrid grid, AbMetric metric, AbArm arm, TimeSpan? window, CancellationToken ct)
    {
        async Task<double[]?> Role(string role) => metric.Has(role)
            ? window is { } w ? await grid.WindowAsync(client, metric.Queries[role], arm, w, ct) : await grid.CumulativeAsync(client, metric.Queries[role], arm, ct)
            : null;

        var n = grid.Looks.Count;
        switch (metric.Kind)
        {
            case AbMetricKind.Proportion:
            {
                var requests = await Role("denominator");
                var events = await Role("numerator");
                return [.. Enumerable.Range(0, n).Select(i => requests is null ? null
                    : ArmSummary.Proportion(Count(requests[i]), Math.Min(Count(events?[i] ?? 0), Count(requests[i]))))];
            }

            case AbMetricKind.Mean:
            {
                var sum = await Role("sum");
                var count = await Role("count");
                var squares = await Role("sum_squares");
                var buckets = metric.Has("buckets") && !metric.Has("sum_squares")
                    ? window is { } w ? await grid.BucketWindowAsync(client, metric.Queries["buckets"], arm, w, ct) : await grid.BucketsAsync(client, metric.Queries["buckets"], arm, ct)
                    : null;
                return [.. Enumerable.Range(0, n).Select(i => sum is null || count is null || Count(count[i]) == 0 ? null
                    : ArmSummary.Mean(Count(count[i]), sum[i], SumSquares(metric, Count(count[i]), sum[i], squares?[i], buckets?[i])))];
            }

            default:
            {
                var roles = new Dictionary<string, double[]?>();
                foreach (var role in AbMetricReader.RequiredRoles[AbMetricKind.Ratio])
                {
                    roles[role] = await Role(role);
                }

                return [.. Enumerable.Range(0, n).Select(i => roles.Values.Any(v => v is null) ? null
                    : new ArmSummary(Count(roles["units"]![i]), roles["numerator"]![i], roles["denominator"]![i],
                        roles["numerator_squares"]![i], roles["denominator_squares"]![i], roles["cross"]![i]))];
            }
        }
    }

    private static double SumSquares(AbMetric metric, long n, double sum, double? squares, QueryResult? buckets)
    {
        if (squares is { } s)
        {
            return s;
        }

        if (buckets is not null && HistogramMoments.SecondMomentBound(buckets, 1) is { } moment)
        {
            return moment * n;
        }

        var mean = sum / n;
        var (low, high) = metric.Range ?? (mean, mean);
        return n * (((mean - low) * (high - mean)) + (mean * mean));
    }

    private async Task<IReadOnlyDictionary<string, (double?, double?)>> QuantilesAsync(AbTestDefinition test, IReadOnlyList<DateTimeOffset> looks, CancellationToken ct)
    {
        var result = new Dictionary<string, (double?, double?)>();
        if (looks.Count == 0)
        {
            return result;
        }

        var at = looks[^1];
        foreach (var metric in test.Secondary.Concat(test.Primary).Where(m => m.Kind == AbMetricKind.Quantile))
        {
            async Task<double?> Arm(AbArm arm)
            {
                var query = $"histogram_quantile({metric.Quantile!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {metric.Queries["buckets"]})";
                var text = QueryTemplate.Render(query, LookGrid.Variables(test, arm, at - test.StartedAt!.Value));
                return (await client.QueryAsync(text, at, ct)).SingleValue(text) is { } v && double.IsFinite(v) ? v : null;
            }

            result[metric.Name] = (await Arm(test.Control), await Arm(test.Treatment));
        }

        return result;
    }

    private static long Count(double value) => (long)Math.Max(0, Math.Round(value));
}
