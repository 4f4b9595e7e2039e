using System.Text;
using Gates.Http;
using Gates.Testing.Http;

namespace Gates.Prometheus.Tests.Client;

/// <summary>Behaviour a real server will not show on demand: credentials on the wire, 5xx then success, 401, timeouts.</summary>
public sealed class PrometheusClientHttpTests
{
    private const string Ok = """{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1740830400,"42"]}]}}""";

    private static PrometheusClient Client(LocalHttpServer server, PrometheusOptions? options = null) =>
        new(options ?? new PrometheusOptions { BaseUrl = server.BaseAddress, RetryDelay = TimeSpan.FromMilliseconds(1) }, TimeProvider.System);

    [Fact]
    public async Task A_bearer_token_is_sent_as_an_authorization_header()
    {
        using var server = new LocalHttpServer(_ => FakeResponse.JsonText(200, Ok));
        var client = Client(server, new PrometheusOptions { BaseUrl = server.BaseAddress, BearerToken = "s3cret" });

        (await client.QueryAsync("up", DateTimeOffset.UnixEpoch, CancellationToken.None)).SingleValue("up").ShouldBe(42);

        server.Requests.Single().Headers["Authorization"].ShouldBe("Bearer s3cret");
    }

    [Fact]
    public async Task Basic_credentials_are_sent_base64_encoded()
    {
        using var server = new LocalHttpServer(_ => FakeResponse.JsonText(200, Ok));
        var client = Client(server, new PrometheusOptions { BaseUrl = server.BaseAddress, BasicUser = "ci", BasicPassword = "pw" });

        await client.QueryAsync("up", DateTimeOffset.UnixEpoch, CancellationToken.None);

        server.Requests.Single().Headers["Authorization"].ShouldBe("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ci:pw")));
    }

    [Fact]
    public async Task The_query_time_and_timeout_are_form_parameters_of_a_post()
    {
        using var server = new LocalHttpServer(_ => FakeResponse.JsonText(200, Ok));
        var at = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

        await Client(server).QueryAsync("sum(x)", at, CancellationToken.None);

        var request = server.Requests.Single();
        request.Method.ShouldBe("POST");
        request.PathAndQuery.ShouldBe("/api/v1/query");
        request.Body.ShouldContain("time=1740830400");
        request.Body.ShouldContain("query=sum%28x%29");
        request.Body.ShouldContain("timeout=30s");
    }

    [Fact]
    public async Task Server_errors_are_retried_until_an_answer_comes()
    {
        var calls = 0;
        using var server = new LocalHttpServer(_ => ++calls < 3 ? FakeResponse.Text(503, "busy") : FakeResponse.JsonText(200, Ok));

        var result = await Client(server).QueryAsync("up", DateTimeOffset.UnixEpoch, CancellationToken.None);

        result.SingleValue("up").ShouldBe(42);
        server.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Retries_wait_doubling_delays_through_the_shared_retry_handler()
    {
        var calls = 0;
        using var server = new LocalHttpServer(_ => ++calls < 3 ? FakeResponse.Text(502, "bad gateway", "text/plain") : FakeResponse.JsonText(200, Ok));
        var waits = new List<TimeSpan>();
        var services = new HttpServices
        {
            Delay = (span, _) =>
            {
                waits.Add(span);
                return Task.CompletedTask;
            },
        };
        var client = new PrometheusClient(new PrometheusOptions { BaseUrl = server.BaseAddress }, TimeProvider.System, services);

        (await client.QueryAsync("up", DateTimeOffset.UnixEpoch, CancellationToken.None)).SingleValue("up").ShouldBe(42);

        waits.ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)]);
    }

    [Fact]
    public async Task Refused_credentials_are_not_retried()
    {
        using var server = new LocalHttpServer(_ => FakeResponse.Text(401, "no"));

        await Should.ThrowAsync<PrometheusAuthException>(() => Client(server).QueryAsync("up", DateTimeOffset.UnixEpoch, CancellationToken.None));

        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_server_that_never_answers_in_time_is_unavailable()
    {
        using var server = new LocalHttpServer(_ =>
        {
            Thread.Sleep(1500);
            return FakeResponse.JsonText(200, Ok);
        });
        var client = Client(server, new PrometheusOptions { BaseUrl = server.BaseAddress, Timeout = TimeSpan.FromMilliseconds(50), Retries = 1, RetryDelay = TimeSpan.FromMilliseconds(1) });

        var error = await Should.ThrowAsync<PrometheusUnavailableException>(() => client.QueryAsync("up", DateTimeOffset.UnixEpoch, CancellationToken.None));

        error.Message.ShouldContain("no answer within");
    }

    [Fact]
    public void Templates_fill_known_placeholders_and_reject_unknown_ones()
    {
        var vars = new Dictionary<string, string> { ["canary"] = "m-00002", ["window"] = "300s" };

        QueryTemplate.Render("sum(increase(x{rev=\"{{ canary }}\"}[{{window}}]))", vars).ShouldBe("sum(increase(x{rev=\"m-00002\"}[300s]))");
        Should.Throw<ArgumentException>(() => QueryTemplate.Render("x{a=\"{{cannary}}\"}", vars)).Message.ShouldContain("{{cannary}}");
        QueryTemplate.Duration(TimeSpan.FromSeconds(90.2)).ShouldBe("91s");
    }
}
