using System.Globalization;
using System.Net.Http.Headers;

namespace Gates.Http;

/// <summary>
/// When to try an API call again, and after how long. Retried: no response (network error, timeout), 5xx,
/// 429, and 403 that is a rate limit (it has <c>Retry-After</c>, or <c>x-ratelimit-remaining: 0</c>, as GitHub's
/// primary and secondary limits do). A plain 403, 401, 404 or 422 is an answer, not a hiccup. The wait is
/// <c>Retry-After</c> or the rate limit's reset when given, else <see cref="BaseDelay"/>, doubled for each further
/// attempt; a wait longer than <see cref="MaxWait"/>, or more than <see cref="MaxTotalWait"/> in all, or more than
/// <see cref="MaxAttempts"/> attempts ends the retries. A request that is not idempotent (POST, PATCH) is retried
/// only when the server surely did not act on it: see <see cref="ServerDidNotAct"/>.
/// </summary>
public sealed record RetryPolicy
{
    public int MaxAttempts { get; init; } = 4;
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan MaxTotalWait { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>How long one attempt may take before it counts as "no answer"; null leaves it to the caller.</summary>
    public TimeSpan? AttemptTimeout { get; init; }

    /// <summary>How long to wait before attempt <paramref name="attempt"/> + 1, or null to stop.</summary>
    /// <param name="status">The response status, or null when no response arrived.</param>
    public TimeSpan? DelayAfter(int attempt, int? status, HttpResponseHeaders? headers, TimeSpan waitedSoFar, DateTimeOffset now)
    {
        if (attempt >= MaxAttempts)
        {
            return null;
        }

        var exponential = BaseDelay * Math.Pow(2, attempt - 1);
        var asked = headers is null ? null : RetryAfter(headers, now) ?? RateLimitReset(headers, now);
        TimeSpan? wait = status switch
        {
            null => exponential,
            >= 500 and <= 599 => asked ?? exponential,
            429 => asked ?? exponential,
            403 => asked,
            _ => null,
        };
        if (wait is not { } w || w > MaxWait || waitedSoFar + w > MaxTotalWait)
        {
            return null;
        }

        return w < TimeSpan.Zero ? TimeSpan.Zero : w;
    }

    /// <summary>
    /// True when an answer says the request was turned away before anything was done: 429, a rate-limited 403,
    /// or 503 with <c>Retry-After</c>. Only then is a POST or PATCH sent again; after any other 5xx it may have
    /// taken effect, and repeating it could, for example, post a comment twice.
    /// </summary>
    public static bool ServerDidNotAct(int status, HttpResponseHeaders headers) => status switch
    {
        429 => true,
        403 => headers.RetryAfter is not null || Header(headers, "x-ratelimit-remaining") == "0",
        503 => headers.RetryAfter is not null,
        _ => false,
    };

    /// <summary>True when the request never reached the server: the name did not resolve or no connection was made.</summary>
    public static bool NeverSent(Exception error) => error is HttpRequestException
    {
        HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError,
    };

    private static TimeSpan? RetryAfter(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        return retryAfter.Delta ?? (retryAfter.Date is { } date ? date - now : null);
    }

    /// <summary>Primary rate limit: <c>x-ratelimit-remaining: 0</c> and the reset time in epoch seconds.</summary>
    private static TimeSpan? RateLimitReset(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (Header(headers, "x-ratelimit-remaining") != "0" || Header(headers, "x-ratelimit-reset") is not { } reset
            || !long.TryParse(reset, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
        {
            return null;
        }

        return DateTimeOffset.FromUnixTimeSeconds(epoch) - now + TimeSpan.FromSeconds(1);
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;
}
