using Gates.CanaryValidate.Analysis;
using Gates.Core;

namespace Gates.CanaryValidate.Tests.Scenarios;

/// <summary>The scenarios of issue 6 against a real Prometheus server with backfilled, deterministic series.</summary>
public sealed class PrometheusScenarioTests(RealPrometheus prometheus) : IClassFixture<RealPrometheus>
{
    [Fact]
    public async Task A_healthy_canary_is_promoted_before_the_duration_ends()
    {
        var progress = new List<string>();
        var outcome = await ScenarioRunner.RunAsync(prometheus.Server.Url, "healthy", progress: progress);

        outcome.Decision.ShouldBe(CanaryDecision.Promote, outcome.Reason);
        outcome.StoppedEarly.ShouldBeTrue();
        outcome.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(15));
        outcome.Gates.ShouldAllBe(g => g.Status == GateStatus.Pass);
        outcome.Gates[0].Canary!.Value.ShouldBe(0.005, tolerance: 0.001);
        progress.Count.ShouldBe(outcome.Looks.Count);
        progress[0].ShouldStartWith("look 1/15 at +60s: error-rate ");
    }

    [Fact]
    public async Task A_canary_with_five_times_the_error_rate_is_rolled_back_before_the_duration_ends()
    {
        var outcome = await ScenarioRunner.RunAsync(prometheus.Server.Url, "bad");

        outcome.Decision.ShouldBe(CanaryDecision.Rollback);
        outcome.Elapsed.ShouldBeLessThanOrEqualTo(TimeSpan.FromMinutes(3));
        outcome.Reason.ShouldContain("error-rate");
        outcome.Gates.Single(g => g.Gate == "error-rate").Interval!.Low.ShouldBeGreaterThan(0.02);
    }

    [Fact]
    public async Task A_canary_without_traffic_is_inconclusive_and_says_how_many_requests_are_needed()
    {
        var outcome = await ScenarioRunner.RunAsync(prometheus.Server.Url, "idle");

        outcome.Decision.ShouldBe(CanaryDecision.Inconclusive);
        outcome.StoppedEarly.ShouldBeFalse();
        var gate = outcome.Gates.Single(g => g.Gate == "error-rate");
        gate.CanaryN.ShouldBe(0);
        gate.NeededCanaryN.ShouldNotBeNull().ShouldBeGreaterThan(100);
        outcome.Reason.ShouldContain("canary samples would settle it");
        outcome.Reason.ShouldContain("received no traffic");
    }

    [Fact]
    public async Task A_canary_whose_series_stop_is_stale_and_inconclusive_not_promoted()
    {
        var outcome = await ScenarioRunner.RunAsync(prometheus.Server.Url, "gone");

        outcome.Decision.ShouldBe(CanaryDecision.Inconclusive);
        outcome.Gates.ShouldAllBe(g => g.Status == GateStatus.Stale);
        outcome.DataProblem.ShouldBe("stale series");
    }

    [Fact]
    public async Task A_metric_with_no_series_is_inconclusive_by_default()
    {
        var outcome = await ScenarioRunner.RunAsync(prometheus.Server.Url, "healthy", NoSeriesConfig("inconclusive"));

        outcome.Decision.ShouldBe(CanaryDecision.Inconclusive);
        outcome.Gates.Single(g => g.Gate == "quality").Status.ShouldBe(GateStatus.NoData);
        outcome.DataProblem.ShouldBe("no series for quality");
    }

    [Fact]
    public async Task A_metric_with_no_series_is_a_configuration_error_when_the_policy_says_so()
    {
        var error = await Should.ThrowAsync<GateInputException>(() => ScenarioRunner.RunAsync(prometheus.Server.Url, "healthy", NoSeriesConfig("error")));

        error.Message.ShouldContain("gate 'quality': its queries returned no series");
    }

    [Fact]
    public async Task A_metric_with_no_series_rolls_back_when_the_policy_says_fail()
    {
        var outcome = await ScenarioRunner.RunAsync(prometheus.Server.Url, "healthy", NoSeriesConfig("fail"));

        outcome.Decision.ShouldBe(CanaryDecision.Rollback);
        outcome.Reason.ShouldContain("no series for quality");
    }

    [Fact]
    public async Task A_latency_quantile_limit_is_tested_on_the_histogram_bucket_at_the_limit()
    {
        const string config = """
            analysis: { template: knative, interval: 1m, duration: 15m }
            gates:
              p95:
                metric: latency
                quantile: 0.95
                max: 0.5
            """;

        var healthy = await ScenarioRunner.RunAsync(prometheus.Server.Url, "healthy", config);
        var slow = await ScenarioRunner.RunAsync(prometheus.Server.Url, "bad", config);

        healthy.Decision.ShouldBe(CanaryDecision.Promote, healthy.Reason);
        healthy.Gates[0].Value!.Value.ShouldBe(0.01, tolerance: 0.002);
        slow.Decision.ShouldBe(CanaryDecision.Rollback);
        slow.Gates[0].Value!.Value.ShouldBe(0.2, tolerance: 0.01);
    }

    [Fact]
    public async Task A_latency_mean_is_compared_with_the_baseline_with_its_variance_bounded_by_the_histogram()
    {
        const string config = """
            analysis: { template: knative, interval: 1m, duration: 15m }
            gates:
              latency-vs-baseline:
                metric: latency_mean
                max: 0.25
                delta: relative
            """;

        var healthy = await ScenarioRunner.RunAsync(prometheus.Server.Url, "healthy", config);
        var slow = await ScenarioRunner.RunAsync(prometheus.Server.Url, "bad", config);

        healthy.Decision.ShouldBe(CanaryDecision.Promote, healthy.Reason);
        healthy.Gates[0].Canary!.Value.ShouldBe(0.15, tolerance: 0.001);
        slow.Decision.ShouldBe(CanaryDecision.Rollback, slow.Reason);
        slow.Gates[0].Value!.Value.ShouldBe(400.0 / 150 - 1, tolerance: 0.01);
    }

    private static string NoSeriesConfig(string policy) => $$$"""
        analysis:
          template: knative
          duration: 5m
          onNoData: {{{policy}}}
        gates:
          error-rate:
            metric: error_rate
            max: 0.02
          quality:
            metric: online_quality
            type: mean
            range: [0, 1]
            min: 0.8
            queries:
              sum: 'sum(increase(online_quality_sum{revision_name="{{canary}}"}[{{window}}]))'
              count: 'sum(increase(online_quality_count{revision_name="{{canary}}"}[{{window}}]))'
        """;
}
