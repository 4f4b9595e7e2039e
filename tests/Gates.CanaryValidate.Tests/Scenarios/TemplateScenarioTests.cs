using System.Text.Json.Nodes;
using Gates.CanaryValidate.Tests.Command;

namespace Gates.CanaryValidate.Tests.Scenarios;

/// <summary>The other built-in queries run as real PromQL: vLLM's metrics by pod, and an online quality score.</summary>
public sealed class TemplateScenarioTests(RealPrometheus prometheus) : IClassFixture<RealPrometheus>
{
    [Fact]
    public async Task The_vllm_template_splits_pods_by_deployment_and_rolls_back_a_slow_canary()
    {
        using var run = new CommandRunner();
        var config = run.Write("vllm.yaml", """
            analysis: { template: vllm, duration: 15m, minSamples: 100 }
            gates:
              errors: { metric: error_rate, max: 0.02 }
              p90-e2e: { metric: latency, quantile: 0.9, max: 2.5 }
            """);

        var exit = await run.RunAsync("--canary-name", "llm-canary", "--baseline-name", "llm", "-n", KnativeSeries.Namespace,
            "--prometheus-url", prometheus.Server.Url.AbsoluteUri, "--config", config, "--report-json", "r.json");

        exit.ShouldBe(1, run.Error.ToString());
        var checks = JsonNode.Parse(File.ReadAllText(run.Folder.File("r.json")))!["checks"]!.AsArray();
        var latency = checks.Single(c => c!["name"]!.GetValue<string>() == "p90-e2e")!;
        latency["verdict"]!.GetValue<string>().ShouldBe("fail");
        latency["observed"]!.GetValue<double>().ShouldBe(0.30, tolerance: 0.01);
        latency["baselineValue"]!.GetValue<double>().ShouldBe(0.01, tolerance: 0.005);
        checks.Single(c => c!["name"]!.GetValue<string>() == "errors")!["n"]!.GetValue<long>().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_quality_threshold_shorthand_reads_an_online_score_and_promotes_a_good_canary()
    {
        using var run = new CommandRunner();

        var exit = await run.RunAsync("--canary-name", "healthy-00002", "--baseline-name", "healthy-00001", "-n", KnativeSeries.Namespace, "--template", "knative",
            "--prometheus-url", prometheus.Server.Url.AbsoluteUri, "--quality-threshold", "0.85", "--error-rate-threshold", "0.02", "--report-json", "r.json");

        exit.ShouldBe(0, run.Error.ToString());
        var quality = JsonNode.Parse(File.ReadAllText(run.Folder.File("r.json")))!["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "quality")!;
        quality["observed"]!.GetValue<double>().ShouldBe(0.91, tolerance: 0.001);
        quality["interval"]!["low"]!.GetValue<double>().ShouldBeGreaterThan(0.85);
    }

    [Fact]
    public async Task A_quality_drop_against_the_baseline_is_a_rollback()
    {
        using var run = new CommandRunner();
        var config = run.Write("q.yaml", """
            analysis: { template: knative, duration: 15m }
            gates:
              quality-vs-baseline: { metric: quality_score, min: -0.05, delta: absolute }
            """);

        var exit = await run.RunAsync("--canary-name", "bad-00002", "--baseline-name", "bad-00001", "-n", KnativeSeries.Namespace,
            "--prometheus-url", prometheus.Server.Url.AbsoluteUri, "--config", config);

        exit.ShouldBe(1, run.Error.ToString());
        run.Out.ToString().ShouldContain("quality-vs-baseline");
    }
}
