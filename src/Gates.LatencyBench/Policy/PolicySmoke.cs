using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Gates.Core.Results;

namespace Gates.LatencyBench.Policy;

/// <summary>What one request of the smoke test got: its status (null when no answer) or why it got none.</summary>
internal sealed record PolicyAnswer(int? Status, string? Error, string? RetryAfter);

/// <summary>
/// The gateway policy smoke test: a valid request (with the key) must get an allowed status (200), the same request
/// without credentials a refusal (401), and a burst over the rate limit at least one "too many requests" (429).
/// Each is a check of the report, like any gate.
/// </summary>
internal sealed class PolicySmoke(PolicySettings settings) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler
    {
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = Math.Max(1, settings.Burst),
    })
    { Timeout = settings.Timeout };

    public async Task<(List<CheckResult> Checks, JsonObject Details)> RunAsync(CancellationToken ct)
    {
        var valid = await SendAsync(withKey: true, ct).ConfigureAwait(false);
        var anonymous = await SendAsync(withKey: false, ct).ConfigureAwait(false);
        var burst = await Task.WhenAll(Enumerable.Range(0, settings.Burst).Select(_ => SendAsync(withKey: true, ct))).ConfigureAwait(false);

        var checks = new List<CheckResult>
        {
            Single("valid request", "policy_valid_status", valid, settings.ExpectOk, "a request with the key"),
            Single("no credentials", "policy_unauthenticated_status", anonymous, settings.ExpectUnauthenticated, "the request without credentials"),
            Limited(burst),
        };
        var details = new JsonObject
        {
            ["url"] = new UriBuilder(settings.Url) { UserName = "", Password = "", Query = "" }.Uri.ToString(),
            ["auth"] = $"from ${settings.KeyVariable}",
            ["valid_status"] = valid.Status,
            ["unauthenticated_status"] = anonymous.Status,
            ["burst"] = settings.Burst,
            ["burst_statuses"] = Statuses(burst),
        };
        return (checks, details);
    }

    private CheckResult Single(string name, string metric, PolicyAnswer answer, IReadOnlySet<int> expected, string what)
    {
        var ok = answer.Status is { } s && expected.Contains(s);
        var got = answer.Status is { } status ? $"HTTP {status}" : $"no answer ({answer.Error})";
        return new CheckResult
        {
            Name = name,
            Metric = metric,
            Observed = answer.Status,
            Verdict = ok ? Verdict.Pass : Verdict.Fail,
            Reason = $"{what} got {got}; expected {List(expected)}",
        };
    }

    private CheckResult Limited(PolicyAnswer[] burst)
    {
        var limited = burst.Count(a => a.Status is { } s && settings.ExpectLimited.Contains(s));
        var retryAfter = burst.FirstOrDefault(a => a.RetryAfter is not null)?.RetryAfter;
        var tail = retryAfter is null ? "" : $" (Retry-After: {retryAfter})";
        return new CheckResult
        {
            Name = "over the rate limit",
            Metric = "policy_limited_responses",
            Observed = limited,
            N = burst.Length,
            Verdict = limited > 0 ? Verdict.Pass : Verdict.Fail,
            Reason = limited > 0
                ? $"{limited} of a burst of {burst.Length} got {List(settings.ExpectLimited)}{tail}; statuses {Describe(burst)}"
                : $"none of a burst of {burst.Length} requests got {List(settings.ExpectLimited)} (statuses {Describe(burst)}): the rate limit did not act; raise --burst if the limit is higher",
        };
    }

    private async Task<PolicyAnswer> SendAsync(bool withKey, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url)
        {
            Content = new StringContent(settings.Body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(settings.ContentType);
        if (withKey)
        {
            var value = settings.AuthScheme.Length == 0 ? settings.Key : $"{settings.AuthScheme} {settings.Key}";
            request.Headers.TryAddWithoutValidation(settings.AuthHeader, value);
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
            var retry = response.Headers.RetryAfter?.ToString();
            return new PolicyAnswer((int)response.StatusCode, null, string.IsNullOrEmpty(retry) ? null : retry);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return new PolicyAnswer(null, e is TaskCanceledException ? "timeout" : e.Message, null);
        }
    }

    private static string List(IReadOnlySet<int> codes) => string.Join(" or ", codes.Order().Select(c => c.ToString(CultureInfo.InvariantCulture)));

    private static JsonObject Statuses(IEnumerable<PolicyAnswer> answers) => new(answers
        .GroupBy(a => a.Status?.ToString(CultureInfo.InvariantCulture) ?? "no answer")
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => KeyValuePair.Create(g.Key, (JsonNode?)g.Count())));

    private static string Describe(IEnumerable<PolicyAnswer> answers) =>
        string.Join(", ", Statuses(answers).Select(kv => $"{kv.Key}: {kv.Value}"));

    public void Dispose() => http.Dispose();
}
