using System.Net;
using Gates.Http;

namespace Gates.Http.Tests;

public class RetryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly RetryPolicy policy = new();

    private static HttpResponseMessage Response(params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(HttpStatusCode.Forbidden);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    [Theory]
    [InlineData(500, 1, 1.0)]
    [InlineData(503, 2, 2.0)]
    [InlineData(502, 3, 4.0)]
    [InlineData(429, 1, 1.0)]
    public void Server_errors_and_429_back_off_exponentially(int status, int attempt, double seconds)
    {
        policy.DelayAfter(attempt, status, null, TimeSpan.Zero, Now).ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(422)]
    public void Answers_are_not_retried(int status)
    {
        using var response = Response();
        policy.DelayAfter(1, status, response.Headers, TimeSpan.Zero, Now).ShouldBeNull();
    }

    [Fact]
    public void A_403_rate_limit_waits_for_retry_after_or_the_reset()
    {
        using var secondary = Response(("Retry-After", "30"));
        using var primary = Response(("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", Now.AddSeconds(20).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));

        policy.DelayAfter(1, 403, secondary.Headers, TimeSpan.Zero, Now).ShouldBe(TimeSpan.FromSeconds(30));
        policy.DelayAfter(1, 403, primary.Headers, TimeSpan.Zero, Now).ShouldBe(TimeSpan.FromSeconds(21));
    }

    [Fact]
    public void Waits_are_bounded_per_wait_in_total_and_in_attempts()
    {
        using var long_ = Response(("Retry-After", "61"));

        policy.DelayAfter(1, 429, long_.Headers, TimeSpan.Zero, Now).ShouldBeNull();
        policy.DelayAfter(1, 500, null, TimeSpan.FromSeconds(119.5), Now).ShouldBeNull();
        policy.DelayAfter(4, 500, null, TimeSpan.Zero, Now).ShouldBeNull();
        policy.DelayAfter(1, null, null, TimeSpan.Zero, Now).ShouldBe(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Only_rate_limits_and_a_503_with_retry_after_say_the_server_did_not_act()
    {
        using var plain = Response();
        using var later = Response(("Retry-After", "2"));
        using var limited = Response(("x-ratelimit-remaining", "0"));

        RetryPolicy.ServerDidNotAct(429, plain.Headers).ShouldBeTrue();
        RetryPolicy.ServerDidNotAct(503, later.Headers).ShouldBeTrue();
        RetryPolicy.ServerDidNotAct(403, limited.Headers).ShouldBeTrue();
        RetryPolicy.ServerDidNotAct(503, plain.Headers).ShouldBeFalse();
        RetryPolicy.ServerDidNotAct(500, later.Headers).ShouldBeFalse();
        RetryPolicy.ServerDidNotAct(403, plain.Headers).ShouldBeFalse();
    }
}
