using Gates.CanaryValidate.Analysis;
using Gates.CanaryValidate.Config;
using Gates.Core;
using Gates.Prometheus;

namespace Gates.CanaryValidate.Metrics;

/// <summary>
/// Reads every gate's two sides from Prometheus at an explicit evaluation time (so a look can be replayed, and
/// tests can move a virtual clock over backfilled data). No series is no data, never zero; a backend that stays
/// down is <see cref="MetricsUnavailableException"/>; a rejected query or credentials are configuration errors.
/// </summary>
internal sealed class PrometheusMetricReader(PrometheusClient client, CanaryConfig config, QueryTargets targets) : IMetricReader
{
    public async Task<LookData> ReadAsync(DateTimeOffset at, TimeSpan window, CancellationToken ct)
    {
        try
        {
            var stale = new Dictionary<bool, string?>
            {
                [false] = await StaleAsync(false, at, window, ct),
                [true] = await StaleAsync(true, at, window, ct),
            };
            var gates = new Dictionary<string, GateData>();
            foreach (var gate in config.Plan.Gates)
            {
                var canary = await SideAsync(gate, false, at, window, ct);
                var baseline = await SideAsync(gate, true, at, window, ct);
                var staleNote = stale[false] ?? (gate.Delta is null ? null : stale[true]);
                gates[gate.Name] = new GateData(canary, baseline, staleNote is not null, staleNote);
            }

            return new LookData(gates, await TrafficAsync(at, window, ct));
        }
        catch (PrometheusUnavailableException e)
        {
            throw new MetricsUnavailableException(e.Message, e);
        }
        catch (Exception e) when (e is PrometheusQueryException or PrometheusAuthException or ArgumentException)
        {
            throw new GateInputException($"Prometheus: {e.Message}");
        }
    }

    private async Task<SideStats?> SideAsync(CanaryGate gate, bool baseline, DateTimeOffset at, TimeSpan window, CancellationToken ct)
    {
        async Task<QueryResult> Query(string role) =>
            await client.QueryAsync(QueryTemplate.Render(gate.Queries.For(role, baseline), targets.Variables(baseline, window)), at, ct);

        async Task<double?> Value(string role)
        {
            var query = gate.Queries.For(role, baseline);
            return (await Query(role)).SingleValue(query) is { } v && double.IsFinite(v) ? v : null;
        }

        switch (gate.Kind)
        {
            case MetricKind.Proportion:
            {
                if (await Value("requests") is not { } requests)
                {
                    return null;
                }

                var errors = await Value("errors") ?? 0;
                return new SideStats(Count(requests), Math.Min(Count(errors), Count(requests)));
            }

            case MetricKind.Quantile:
            {
                if (await Value("requests") is not { } requests)
                {
                    return null;
                }

                var limit = gate.LatencyLimit!.Value * gate.LatencyUnitsPerSecond;
                if (BucketPicker.Below(await Query("buckets"), limit, gate.Name) is not { } below)
                {
                    return null;
                }

                var n = Count(requests);
                return new SideStats(n, Math.Clamp(n - Count(below), 0, n));
            }

            default:
            {
                if (await Value("count") is not { } count || await Value("sum") is not { } sum)
                {
                    return null;
                }

                var units = gate.LatencyUnitsPerSecond;
                var squares = gate.Queries.Has("sum_squares") ? await Value("sum_squares") / (units * units) : null;
                var moment = gate.Queries.Has("buckets") ? HistogramMoments.SecondMomentBound(await Query("buckets"), units) : null;
                return new SideStats(Count(count), sum / units, squares, moment);
            }
        }
    }

    private async Task<string?> StaleAsync(bool baseline, DateTimeOffset at, TimeSpan window, CancellationToken ct)
    {
        var query = QueryTemplate.Render(config.Template.FreshnessQuery, targets.Variables(baseline, window));
        if ((await client.QueryAsync(query, at, ct)).SingleValue(query) is not { } newest)
        {
            return null;
        }

        var age = at - DateTimeOffset.FromUnixTimeMilliseconds((long)(newest * 1000));
        return age > config.MaxStaleness
            ? $"stale {(baseline ? "baseline" : "canary")} series: the newest sample is {(long)age.TotalSeconds} s old (limit {(long)config.MaxStaleness.TotalSeconds} s)"
            : null;
    }

    private async Task<TrafficCounts?> TrafficAsync(DateTimeOffset at, TimeSpan window, CancellationToken ct)
    {
        async Task<double?> Requests(bool baseline)
        {
            var query = QueryTemplate.Render(config.Template.TrafficQuery, targets.Variables(baseline, window));
            return (await client.QueryAsync(query, at, ct)).SingleValue(query);
        }

        var canary = await Requests(false);
        var baseline = await Requests(true);
        return canary is null && baseline is null ? null : new TrafficCounts(Count(canary ?? 0), Count(baseline ?? 0));
    }

    private static long Count(double value) => (long)Math.Max(0, Math.Round(value));
}
