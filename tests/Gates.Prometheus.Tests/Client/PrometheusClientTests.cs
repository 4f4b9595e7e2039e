using Gates.Testing.Prometheus;

namespace Gates.Prometheus.Tests.Client;

/// <summary>The client against a real Prometheus server holding backfilled, deterministic series.</summary>
public sealed class PrometheusClientTests : IAsyncLifetime
{
    private static readonly DateTimeOffset From = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private PrometheusServer server = null!;

    public async Task InitializeAsync()
    {
        var series = new OpenMetricsWriter()
            .Counter("http_requests_total", "pod=\"web-1\",code=\"200\"", From, TimeSpan.FromMinutes(10), 10)
            .Counter("http_requests_total", "pod=\"web-1\",code=\"500\"", From, TimeSpan.FromMinutes(10), 1)
            .Counter("http_requests_total", "pod=\"web-2\",code=\"200\"", From, TimeSpan.FromMinutes(10), 5);
        server = await PrometheusServer.StartAsync(series.ToString());
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private PrometheusClient Client(PrometheusOptions? options = null) =>
        new(options ?? new PrometheusOptions { BaseUrl = server.Url, RetryDelay = TimeSpan.FromMilliseconds(10) }, TimeProvider.System);

    [Fact]
    public async Task An_instant_query_at_an_explicit_time_reads_the_backfilled_counters()
    {
        var at = From + TimeSpan.FromMinutes(5);
        var result = await Client().QueryAsync("sum(increase(http_requests_total{pod=\"web-1\"}[5m]))", at, CancellationToken.None);

        result.ResultType.ShouldBe("vector");
        result.SingleValue("q")!.Value.ShouldBe(3300, tolerance: 40);
    }

    [Fact]
    public async Task A_vector_query_returns_every_series_with_its_labels()
    {
        var result = await Client().QueryAsync("http_requests_total", From + TimeSpan.FromMinutes(1), CancellationToken.None);

        result.Series.Count.ShouldBe(3);
        result.Series.Select(s => s.Labels["code"]).Order().ShouldBe(["200", "200", "500"]);
        result.Series.Single(s => s.Labels["code"] == "500").Samples[0].Value.ShouldBe(60);
    }

    [Fact]
    public async Task A_range_query_returns_one_sample_per_step()
    {
        var result = await Client().QueryRangeAsync("sum(http_requests_total{code=\"200\"})", From, From + TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(1), CancellationToken.None);

        result.ResultType.ShouldBe("matrix");
        result.Series.Single().Samples.Select(s => s.Value).ShouldBe([0, 900, 1800]);
        result.Series.Single().Samples[1].Time.ShouldBe(From + TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_query_for_a_metric_with_no_series_is_empty_not_zero()
    {
        var result = await Client().QueryAsync("sum(increase(no_such_metric_total[5m]))", From + TimeSpan.FromMinutes(5), CancellationToken.None);

        result.IsEmpty.ShouldBeTrue();
        result.SingleValue("q").ShouldBeNull();
    }

    [Fact]
    public async Task Invalid_promql_is_a_query_error_naming_the_query()
    {
        var error = await Should.ThrowAsync<PrometheusQueryException>(() =>
            Client().QueryAsync("sum(rate(http_requests_total[5m]", From, CancellationToken.None));

        error.Message.ShouldContain("sum(rate(http_requests_total[5m]");
        error.Message.ShouldContain("bad_data");
    }

    [Fact]
    public async Task A_stopped_server_is_unavailable_after_the_retry_budget()
    {
        var client = Client(new PrometheusOptions { BaseUrl = server.Url, Retries = 2, RetryDelay = TimeSpan.FromMilliseconds(5) });
        server.Stop();

        var error = await Should.ThrowAsync<PrometheusUnavailableException>(() => client.QueryAsync("up", From, CancellationToken.None));

        error.Message.ShouldContain("3 attempts");
    }

    [Fact]
    public async Task Several_series_where_one_number_is_expected_is_an_error()
    {
        var result = await Client().QueryAsync("http_requests_total", From + TimeSpan.FromMinutes(1), CancellationToken.None);

        Should.Throw<PrometheusQueryException>(() => result.SingleValue("http_requests_total")).Message.ShouldContain("3 series");
    }
}
