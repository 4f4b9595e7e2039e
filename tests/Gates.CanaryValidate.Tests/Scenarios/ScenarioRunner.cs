using Gates.CanaryValidate.Analysis;
using Gates.CanaryValidate.Config;
using Gates.CanaryValidate.Metrics;
using Gates.CanaryValidate.Tests.Support;
using Gates.Prometheus;
using Gates.Testing;

namespace Gates.CanaryValidate.Tests.Scenarios;

/// <summary>Runs the analysis over a real Prometheus with a virtual clock that starts where the backfilled series start.</summary>
internal static class ScenarioRunner
{
    public const string Config = """
        analysis:
          template: knative
          interval: 1m
          duration: 15m
          alpha: 0.05
          minSamples: 100
        gates:
          error-rate:
            metric: error_rate
            max: 0.02
          error-rate-vs-baseline:
            metric: error_rate
            max: 0.01
            delta: absolute
        """;

    public static async Task<AnalysisOutcome> RunAsync(Uri prometheus, string revision, string config = Config, Action<JumpClock>? arrange = null, List<string>? progress = null)
    {
        using var folder = new TempFolder();
        var canaryConfig = CanaryConfigReader.Read(folder.Write("canary.yaml", config), new CanaryOverrides(), "knative");
        var clock = new JumpClock(KnativeSeries.From);
        arrange?.Invoke(clock);
        var client = new PrometheusClient(new PrometheusOptions { BaseUrl = prometheus, Retries = 1, RetryDelay = TimeSpan.FromSeconds(2) }, clock);
        var targets = new QueryTargets($"{revision}-00002", $"{revision}-00001", KnativeSeries.Namespace);
        var reader = new PrometheusMetricReader(client, canaryConfig, targets);
        var analysis = new CanaryAnalysis(canaryConfig.Plan, reader, null, clock, line => progress?.Add(line));
        return await analysis.RunAsync(KnativeSeries.From, CancellationToken.None);
    }
}
