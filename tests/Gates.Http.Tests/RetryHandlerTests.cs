using System.Net;
using System.Text;
using Gates.Testing.Http;

namespace Gates.Http.Tests;

/// <summary>The retry handler against a real HTTP server on 127.0.0.1; waits are recorded, never slept.</summary>
public sealed class RetryHandlerTests : IDisposable
{
    private readonly LocalHttpServer server = new(_ => FakeResponse.Json(200, new System.Text.Json.Nodes.JsonObject { ["ok"] = true }));
    private readonly List<TimeSpan> waits = [];

    public void Dispose() => server.Dispose();

    private HttpClient Client(RetryPolicy? policy = null) => new HttpServices
    {
        Delay = (span, _) =>
        {
            waits.Add(span);
            return Task.CompletedTask;
        },
    }.Client(policy ?? new RetryPolicy(), TimeProvider.System);

    private static StringContent Body() => new("""{"body":"hello"}""", Encoding.UTF8, "application/json");

    [Fact]
    public async Task Retry_after_is_honoured_before_the_next_attempt()
    {
        server.FailNext(FakeResponse.Message(429, "Too Many Requests", ("Retry-After", "7")));
        server.FailNext(FakeResponse.Message(503, "Service Unavailable", ("Retry-After", "3")));
        using var client = Client();

        using var response = await client.GetAsync(server.BaseUrl + "/things");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        waits.ShouldBe([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(3)]);
        server.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Server_errors_are_retried_a_bounded_number_of_times_with_doubling_waits()
    {
        for (var i = 0; i < 10; i++)
        {
            server.FailNext(FakeResponse.Message(500, "Server Error"));
        }

        using var client = Client(new RetryPolicy { MaxAttempts = 3 });

        using var response = await client.GetAsync(server.BaseUrl + "/things");

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        server.Requests.Count.ShouldBe(3);
        waits.ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)]);
    }

    [Fact]
    public async Task A_post_is_not_repeated_after_a_500()
    {
        server.FailNext(FakeResponse.Message(500, "Server Error"));
        using var client = Client();

        using var response = await client.PostAsync(server.BaseUrl + "/comments", Body());

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        server.Requests.Count.ShouldBe(1);
        waits.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_post_turned_away_by_a_rate_limit_is_sent_again_with_the_same_body()
    {
        server.FailNext(FakeResponse.Message(403, "You have exceeded a secondary rate limit", ("Retry-After", "5")));
        server.FailNext(FakeResponse.Message(503, "Service Unavailable", ("Retry-After", "2")));
        using var client = Client();

        using var response = await client.PostAsync(server.BaseUrl + "/comments", Body());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        server.Requests.Select(r => r.Body).ShouldBe(Enumerable.Repeat("""{"body":"hello"}""", 3));
        waits.ShouldBe([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2)]);
    }

    [Fact]
    public async Task A_post_marked_idempotent_is_retried_like_a_get()
    {
        server.FailNext(FakeResponse.Message(502, "Bad Gateway"));
        using var client = Client();
        using var request = RetryHandler.MarkIdempotent(new HttpRequestMessage(HttpMethod.Post, server.BaseUrl + "/api/v1/query") { Content = Body() });

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_retry_after_beyond_the_longest_wait_ends_the_retries()
    {
        server.FailNext(FakeResponse.Message(429, "Too Many Requests", ("Retry-After", "3600")));
        using var client = Client();

        using var response = await client.GetAsync(server.BaseUrl + "/things");

        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        waits.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_post_to_a_server_that_refuses_connections_is_retried_then_fails()
    {
        var other = new LocalHttpServer(_ => FakeResponse.Empty(200));
        var closed = other.BaseUrl;
        other.Dispose();
        using var client = Client(new RetryPolicy { MaxAttempts = 2 });

        await Should.ThrowAsync<HttpRequestException>(() => client.PostAsync(closed + "/comments", Body()));

        waits.ShouldBe([TimeSpan.FromSeconds(1)]);
    }
}
