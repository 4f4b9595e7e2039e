using System.Net.Http.Headers;
using System.Text;
using Gates.Cli.Hosts;
using Gates.Core;
using Gates.Core.Reporting;
using Gates.Core.Results;
using Gates.Http;

namespace Gates.Cli.Metrics;

/// <summary>
/// Sends a report's metrics (<see cref="PrometheusText"/>) where <c>--metrics-file</c> and <c>--push-metrics</c> ask:
/// a file for node-exporter's textfile collector, written atomically, and a PUT to a Prometheus Pushgateway that
/// replaces the group job=gates, model, environment, tool (docs/metrics.md). User and password in the URL go into
/// a Basic authorization header and never into a message.
/// </summary>
public static class MetricsPublisher
{
    public const string Job = "gates";

    public static readonly RetryPolicy Retry = new() { MaxAttempts = 3, BaseDelay = TimeSpan.FromSeconds(1), AttemptTimeout = TimeSpan.FromSeconds(30) };

    public static async Task PublishAsync(GateReport report, CommonSettings settings, GateEnvironment env, HttpServices? services, CancellationToken ct)
    {
        if (settings.MetricsFile is null && settings.PushMetrics is null)
        {
            return;
        }

        var text = PrometheusText.Render(report, settings.Environment);
        if (settings.MetricsFile is { } path)
        {
            AtomicFile.Write(path, text);
        }

        if (settings.PushMetrics is { } gateway)
        {
            using var http = (services ?? HttpServices.Default).Client(Retry, env.Time);
            await PushAsync(http, gateway, GroupingKey(report, settings.Environment), text, ct);
        }
    }

    /// <summary>The grouping key's labels, in the order of the URL path.</summary>
    public static IReadOnlyList<(string Name, string Value)> GroupingKey(GateReport report, string? environment) =>
        [("job", Job), ("model", report.Subject.Model ?? ""), ("environment", environment ?? ""), ("tool", report.Tool.Name)];

    /// <summary>
    /// The group's URL: <c>/metrics/job/gates/model@base64/…/environment@base64/…/tool/…</c> (values base64url,
    /// so a slash or an empty value is allowed; an empty one is <c>=</c>).
    /// </summary>
    public static Uri GroupUrl(Uri gateway, IReadOnlyList<(string Name, string Value)> key)
    {
        var path = new StringBuilder(gateway.AbsolutePath.TrimEnd('/')).Append("/metrics");
        foreach (var (name, value) in key)
        {
            path.Append('/').Append(name).Append("@base64/").Append(Base64Url(value));
        }

        return new UriBuilder(gateway) { UserName = "", Password = "", Path = path.ToString(), Query = "" }.Uri;
    }

    private static async Task PushAsync(HttpClient http, Uri gateway, IReadOnlyList<(string Name, string Value)> key, string text, CancellationToken ct)
    {
        var url = GroupUrl(gateway, key);
        using var request = new HttpRequestMessage(HttpMethod.Put, url)
        {
            Content = new StringContent(text, new UTF8Encoding(false), "text/plain"),
        };
        request.Content.Headers.ContentType!.Parameters.Add(new NameValueHeaderValue("version", "0.0.4"));
        if (gateway.UserInfo.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(gateway.UserInfo))));
        }

        try
        {
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(ct);
                throw new GateRuntimeException($"--push-metrics: the Pushgateway at {url} answered {(int)response.StatusCode} {response.ReasonPhrase}: {Redact(body.Trim(), gateway)}");
            }
        }
        catch (HttpRequestException e)
        {
            throw new GateRuntimeException($"--push-metrics: cannot reach the Pushgateway at {url}: {Redact(e.Message, gateway)}", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new GateRuntimeException($"--push-metrics: the Pushgateway at {url} did not answer in time", e);
        }
    }

    private static string Redact(string text, Uri gateway)
    {
        var password = gateway.UserInfo.Split(':', 2) is [_, var p] ? Uri.UnescapeDataString(p) : "";
        return ApiTokens.Redact(text, password);
    }

    private static string Base64Url(string value) =>
        value.Length == 0 ? "=" : Convert.ToBase64String(Encoding.UTF8.GetBytes(value)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
