using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Gates.Http;

namespace Gates.Prometheus;

/// <summary>
/// A small client for the Prometheus HTTP API (/api/v1/query and /api/v1/query_range). Queries go through
/// Gates.Http's <see cref="RetryHandler"/>: network errors, timeouts, 5xx and 429 are retried with doubling delays
/// (or as long as <c>Retry-After</c> says) on the given clock; a rejected query or refused credentials are not.
/// </summary>
public sealed class PrometheusClient(PrometheusOptions options, TimeProvider time, HttpServices? services = null)
{
    private readonly HttpClient http = (services ?? HttpServices.Default).Client(PolicyFor(options), time);

    /// <summary>Retries + 1 attempts, the first wait <see cref="PrometheusOptions.RetryDelay"/>, each attempt bounded by the timeout.</summary>
    public static RetryPolicy PolicyFor(PrometheusOptions options) => new()
    {
        MaxAttempts = options.Retries + 1,
        BaseDelay = options.RetryDelay,
        AttemptTimeout = options.Timeout,
    };

    public Task<QueryResult> QueryAsync(string query, DateTimeOffset at, CancellationToken ct) =>
        SendAsync("api/v1/query", query, new Dictionary<string, string> { ["time"] = Seconds(at) }, ct);

    public Task<QueryResult> QueryRangeAsync(string query, DateTimeOffset start, DateTimeOffset end, TimeSpan step, CancellationToken ct) =>
        SendAsync("api/v1/query_range", query, new Dictionary<string, string>
        {
            ["start"] = Seconds(start),
            ["end"] = Seconds(end),
            ["step"] = step.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture),
        }, ct);

    private async Task<QueryResult> SendAsync(string path, string query, Dictionary<string, string> form, CancellationToken ct)
    {
        form["query"] = query;
        form["timeout"] = QueryTemplate.Duration(options.Timeout);
        var url = new Uri(WithSlash(options.BaseUrl), path);

        // A query changes nothing, so the POST may be repeated like a GET.
        using var request = RetryHandler.MarkIdempotent(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) });
        Authorize(request);
        HttpResponseMessage response;
        string body;
        try
        {
            response = await http.SendAsync(request, ct);
            body = await response.Content.ReadAsStringAsync(ct);
        }
        catch (HttpRequestException e)
        {
            throw Unavailable(e.Message, e);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new PrometheusAuthException($"{options.BaseUrl} refused the credentials ({status} {response.ReasonPhrase})");
            }

            if (status >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throw Unavailable($"HTTP {status}: {Shorten(body)}", null);
            }

            try
            {
                return ResponseParser.Parse(body);
            }
            catch (PrometheusQueryException e)
            {
                throw new PrometheusQueryException($"query rejected ({e.Message}): {query}");
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new PrometheusQueryException($"not a Prometheus API answer (HTTP {status}): {Shorten(body)}", e);
            }
        }
    }

    private PrometheusUnavailableException Unavailable(string why, Exception? inner) =>
        new($"{options.BaseUrl} did not answer after {options.Retries + 1} attempts: {why}", inner);

    private void Authorize(HttpRequestMessage request)
    {
        if (options.BearerToken is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        else if (options.BasicUser is { Length: > 0 } user)
        {
            var raw = Encoding.UTF8.GetBytes($"{user}:{options.BasicPassword}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(raw));
        }
    }

    private static Uri WithSlash(Uri baseUrl) =>
        baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");

    private static string Seconds(DateTimeOffset at) =>
        (at.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
