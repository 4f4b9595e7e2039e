using System.Diagnostics;
using System.Text.Json;
using Gates.Cli.Tests.Hosts;
using Gates.Core.Results;
using Gates.Testing;
using Gates.Testing.Prometheus;

namespace Gates.Cli.Tests.Metrics;

/// <summary>
/// --push-metrics against the real Pushgateway and Prometheus from Debian: the report is pushed, Prometheus scrapes
/// the gateway, and the series come back from PromQL; a second push replaces the group (PUT). The Grafana dashboard's
/// queries are sent to the same Prometheus, which must parse every one.
/// </summary>
public class PushgatewayTests
{
    [Fact]
    public async Task Pushed_results_are_scraped_and_queried_back_with_promql_and_a_new_push_replaces_the_group()
    {
        await using var gateway = await PushgatewayServer.StartAsync();
        await using var prometheus = await PrometheusServer.StartAsync("",
            $"  - job_name: pushgateway\n    honor_labels: true\n    static_configs:\n      - targets: ['{gateway.HostPort}']\n");
        var folder = Directory.CreateTempSubdirectory("gates-push-").FullName;
        try
        {
            var (env, _, _) = TestEnvironment.Create(folder);
            var settings = new CommonSettings { PushMetrics = gateway.Url, Environment = "staging", Ci = "none", PrComment = PrCommentMode.Off };
            var first = SampleReport.Failing();
            (await ReportOutputs.PublishAsync(first, settings, env, null, CancellationToken.None)).ShouldBe(ExitCodes.GateFailed);

            var value = await QueryUntilAsync(prometheus, """gates_check_value{job="gates",tool="eval-gate",model="support-bot",environment="staging",gate="hallucination"}""");
            value.GetProperty("metric").GetProperty("version").GetString().ShouldBe("2026.11.3");
            value.GetProperty("value")[1].GetString().ShouldBe("0.11");
            var verdict = await QueryUntilAsync(prometheus, """gates_run_verdict{job="gates",model="support-bot",environment="staging",tool="eval-gate"}""");
            verdict.GetProperty("value")[1].GetString().ShouldBe("3");

            var second = first with { Subject = first.Subject with { Version = "2026.11.4" }, Verdict = Verdict.Pass, Checks = [first.Checks[0]] };
            (await ReportOutputs.PublishAsync(second, settings, env, null, CancellationToken.None)).ShouldBe(ExitCodes.Passed);
            using var http = new HttpClient();
            var exposed = await http.GetStringAsync(new Uri(gateway.Url, "metrics"));
            exposed.ShouldContain("version=\"2026.11.4\"");
            exposed.ShouldNotContain("version=\"2026.11.3\"", Case.Sensitive, "a push replaces the whole group (PUT)");
            var latest = await QueryUntilAsync(prometheus, """gates_run_verdict{job="gates",model="support-bot",version="2026.11.4"}""");
            latest.GetProperty("value")[1].GetString().ShouldBe("0");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Every_query_of_the_grafana_dashboard_parses_in_prometheus()
    {
        await using var prometheus = await PrometheusServer.StartAsync("", "  []\n");
        var path = RepositoryPaths.Of("workflows-examples", "grafana", "gates-dashboard.json");
        using var dashboard = JsonDocument.Parse(File.ReadAllText(path));
        var exprs = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray())
            .Select(t => t.GetProperty("expr").GetString()!)
            .ToList();
        exprs.Count.ShouldBeGreaterThan(5);
        using var http = new HttpClient();
        foreach (var expr in exprs)
        {
            // Grafana's variables as it substitutes them: a multi-value variable with "All" becomes the regex .*
            var promql = expr.Replace("$model", ".*", StringComparison.Ordinal).Replace("$environment", ".*", StringComparison.Ordinal)
                .Replace("$__rate_interval", "5m", StringComparison.Ordinal);
            var answer = await http.GetAsync(new Uri(prometheus.Url, "api/v1/query?query=" + Uri.EscapeDataString(promql)));
            var body = await answer.Content.ReadAsStringAsync();
            answer.IsSuccessStatusCode.ShouldBeTrue($"{expr}\n{body}");
            JsonDocument.Parse(body).RootElement.GetProperty("status").GetString().ShouldBe("success", expr);
        }

        dashboard.RootElement.GetProperty("templating").GetProperty("list").EnumerateArray()
            .Where(v => v.GetProperty("type").GetString() == "query")
            .Select(v => v.GetProperty("definition").GetString())
            .ShouldAllBe(d => d!.StartsWith("label_values(gates_run_verdict, ", StringComparison.Ordinal));
    }

    private static async Task<JsonElement> QueryUntilAsync(PrometheusServer prometheus, string promql)
    {
        using var http = new HttpClient();
        var clock = Stopwatch.StartNew();
        var last = "";
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            last = await http.GetStringAsync(new Uri(prometheus.Url, "api/v1/query?query=" + Uri.EscapeDataString(promql)));
            var result = JsonDocument.Parse(last).RootElement.GetProperty("data").GetProperty("result");
            if (result.GetArrayLength() == 1)
            {
                return result[0].Clone();
            }

            await Task.Delay(250);
        }

        throw new Xunit.Sdk.XunitException($"Prometheus never returned one series for {promql}: {last}");
    }
}
