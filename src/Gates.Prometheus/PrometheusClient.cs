using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Gates.Prometheus;

/// <summary>
/// A small client for the Prometheus HTTP API (/api/v1/query and /api/v1/query_range). Network errors, timeouts,
/// 5xx and 429 are retried with doubling delays on the given clock; a rejected query or refused credentials are not.
/// </summary>
public sealed class PrometheusClient(HttpClient http, PrometheusOptions options, TimeProvider time)
{
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
        Exception? last = null;
        for (var attempt = 0; attempt <= options.Retries; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(options.RetryDelay * Math.Pow(2, attempt - 1), time, ct);
            }

            try
            {
                return await SendOnceAsync(url, form, query, ct);
            }
            catch (RetryableException e)
            {
                last = e.InnerException ?? e;
            }
        }

        throw new PrometheusUnavailableException(
            $"{options.BaseUrl} did not answer after {options.Retries + 1} attempts: {last?.Message}", last);
    }

    private async Task<QueryResult> SendOnceAsync(Uri url, Dictionary<string, string> form, string query, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        Authorize(request);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Timeout);
        HttpResponseMessage response;
        string body;
        try
        {
            response = await http.SendAsync(request, timeout.Token);
            body = await response.Content.ReadAsStringAsync(timeout.Token);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new RetryableException(new TimeoutException($"no answer within {options.Timeout.TotalSeconds:0.#} s", e));
        }
        catch (HttpRequestException e)
        {
            throw new RetryableException(e);
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
                throw new RetryableException(new HttpRequestException($"HTTP {status}: {Shorten(body)}"));
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

    private sealed class RetryableException(Exception inner) : Exception(inner.Message, inner);
}
