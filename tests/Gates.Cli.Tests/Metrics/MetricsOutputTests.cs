using System.Diagnostics;
using Gates.Cli.Metrics;
using Gates.Cli.Tests.Hosts;
using Gates.Core;
using Gates.Core.Results;
using Gates.Http;

namespace Gates.Cli.Tests.Metrics;

public class MetricsOutputTests
{
    [Fact]
    public async Task Metrics_file_has_every_check_series_and_passes_promtool()
    {
        var folder = Directory.CreateTempSubdirectory("gates-metrics-").FullName;
        try
        {
            var (env, _, _) = TestEnvironment.Create(folder);
            var settings = new CommonSettings { MetricsFile = Path.Combine(folder, "gates.prom"), Environment = "prod", Ci = "none", PrComment = PrCommentMode.Off };
            var report = SampleReport.Failing() with
            {
                Checks = [.. SampleReport.Failing().Checks.Select(c => c.Name == "toxicity" ? c with { N = 400, Interval = new Interval(0.012, 0.034, 0.95) } : c)],
            };

            (await ReportOutputs.PublishAsync(report, settings, env, null, CancellationToken.None)).ShouldBe(ExitCodes.GateFailed);

            var text = File.ReadAllText(settings.MetricsFile);
            var labels = "tool=\"eval-gate\",model=\"support-bot\",version=\"2026.11.3\",environment=\"prod\"";
            text.ShouldContain($"gates_run_verdict{{{labels}}} 3\n");
            text.ShouldContain($"gates_check_verdict{{{labels},gate=\"toxicity\",metric=\"toxicity_rate\"}} 2\n");
            text.ShouldContain($"gates_check_value{{{labels},gate=\"hallucination\",metric=\"hallucination_rate\"}} 0.11\n");
            text.ShouldContain($"gates_check_threshold{{{labels},gate=\"groundedness\",metric=\"groundedness_score\"}} 0.85\n");
            text.ShouldContain($"gates_check_interval_low{{{labels},gate=\"toxicity\",metric=\"toxicity_rate\"}} 0.012\n");
            text.ShouldContain($"gates_check_interval_high{{{labels},gate=\"toxicity\",metric=\"toxicity_rate\"}} 0.034\n");
            text.ShouldContain($"gates_check_samples{{{labels},gate=\"toxicity\",metric=\"toxicity_rate\"}} 400\n");
            text.ShouldNotContain("gates_check_samples{" + labels + ",gate=\"groundedness\"", Case.Sensitive, "a value the report does not have is left out");
            Directory.GetFiles(folder).Select(Path.GetFileName).ShouldBe(["gates.prom"], "written atomically, no temporary file left");

            var lint = Promtool("check", "metrics", text);
            lint.Code.ShouldBe(0, lint.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Grouping_key_values_are_base64url_so_slashes_and_empty_values_are_allowed()
    {
        var report = SampleReport.Failing() with { Subject = new Subject { Model = "org/model" } };
        var url = MetricsPublisher.GroupUrl(new Uri("http://user:pw@127.0.0.1:9091/base/"), MetricsPublisher.GroupingKey(report, null));

        url.ToString().ShouldBe("http://127.0.0.1:9091/base/metrics/job@base64/Z2F0ZXM/model@base64/b3JnL21vZGVs/environment@base64/=/tool@base64/ZXZhbC1nYXRl");
    }

    [Fact]
    public async Task A_push_that_fails_after_retries_is_a_runtime_error_without_the_password()
    {
        var folder = Directory.CreateTempSubdirectory("gates-metrics-").FullName;
        try
        {
            var (env, _, _) = TestEnvironment.Create(folder);
            var port = Gates.Testing.Prometheus.PrometheusServer.FreePort();
            var settings = new CommonSettings { PushMetrics = new Uri($"http://gates:s3cret-pw@127.0.0.1:{port}/"), Ci = "none", PrComment = PrCommentMode.Off };
            var http = new HttpServices { Delay = (_, _) => Task.CompletedTask };

            var error = await Should.ThrowAsync<GateRuntimeException>(() =>
                ReportOutputs.PublishAsync(SampleReport.Failing(), settings, env, new PublishOptions { Http = http }, CancellationToken.None));

            error.Message.ShouldContain("--push-metrics: cannot reach the Pushgateway");
            error.Message.ShouldNotContain("s3cret-pw");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static (int Code, string Output) Promtool(string command, string subcommand, string stdin)
    {
        var start = new ProcessStartInfo(File.Exists("/usr/bin/promtool") ? "/usr/bin/promtool" : "promtool")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(command);
        start.ArgumentList.Add(subcommand);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        process.WaitForExit(60_000).ShouldBeTrue("promtool did not finish");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
