using Gates.Core.Text;
using Gates.CanaryValidate.Analysis;
using Gates.CanaryValidate.Config;
using Gates.Core;
using Gates.Core.Thresholds;
using Gates.Testing;

namespace Gates.CanaryValidate.Tests.Config;

public sealed class ConfigReaderTests
{
    [Fact]
    public void The_example_config_in_the_repository_reads_into_five_gates()
    {
        var config = CanaryConfigReader.Read(RepositoryPaths.Of("thresholds", "canary.yaml"), new CanaryOverrides(), "http");

        config.Template.Name.ShouldBe("knative");
        config.Plan.Gates.Select(g => g.Kind).ShouldBe([MetricKind.Proportion, MetricKind.Proportion, MetricKind.Quantile, MetricKind.Mean, MetricKind.Mean]);
        config.Plan.Warmup.ShouldBe(TimeSpan.FromMinutes(1));
        config.Plan.MinSamples.ShouldBe(200);
        config.MaxStaleness.ShouldBe(TimeSpan.FromMinutes(3));
        config.Plan.GateAlpha.ShouldBe(0.01);
        config.Plan.Gates[3].LatencyUnitsPerSecond.ShouldBe(1000);
        var p95 = config.Plan.Gates[2];
        (p95.Threshold, p95.LatencyLimit, p95.LatencyUnitsPerSecond).ShouldBe((0.05, 0.5, 1000));
        config.Plan.Gates[4].Required.ShouldBeFalse();
        config.File!.Sha256.Length.ShouldBe(64);
    }

    [Fact]
    public void Flags_alone_build_an_error_rate_and_a_quality_gate_with_built_in_queries()
    {
        var config = CanaryConfigReader.Read(null, new CanaryOverrides
        {
            ErrorRateThreshold = 0.02,
            QualityThreshold = 0.85,
            Duration = TimeSpan.FromSeconds(900),
            PrometheusUrl = new Uri("http://prometheus:9090"),
        }, "vllm");

        config.Plan.Gates.Select(g => (g.Name, g.Comparison, g.Threshold)).ShouldBe([("error-rate", Comparison.Lte, 0.02), ("quality", Comparison.Gte, 0.85)]);
        config.Plan.Gates[0].Queries.For("errors", false).ShouldContain("http_requests_total");
        config.Plan.Gates[1].Range.ShouldBe((0, 1));
        config.Prometheus.Url.ShouldBe(new Uri("http://prometheus:9090"));
    }

    [Fact]
    public void No_gates_at_all_is_an_error()
    {
        var error = Should.Throw<GateInputException>(() => CanaryConfigReader.Read(null, new CanaryOverrides(), "http"));

        error.Message.ShouldContain("no gates");
    }

    [Fact]
    public void A_custom_metric_needs_its_queries_and_known_placeholders()
    {
        using var folder = new TempFolder();
        var path = folder.Write("c.yaml", """
            gates:
              score:
                metric: judge
                type: mean
                min: 0.8
                queries:
                  sum: 'sum(x{rev="{{revision}}"})'
            """);

        var error = Should.Throw<GateInputException>(() => CanaryConfigReader.Read(path, new CanaryOverrides(), "http"));

        error.Problems.ShouldContain(p => p.Contains("a mean gate needs queries.count"));
        error.Problems.ShouldContain(p => p.Contains("unknown placeholder {{revision}}"));
        error.Problems.ShouldContain(p => p.Contains("needs 'range: [low, high]', queries.sum_squares or queries.buckets"));
    }

    [Fact]
    public void A_baseline_query_of_its_own_overrides_the_shared_one()
    {
        using var folder = new TempFolder();
        var path = folder.Write("c.yaml", """
            gates:
              errors:
                metric: error_rate
                max: 0.01
                delta: absolute
                queries:
                  baseline_requests: 'sum(increase(stable_requests_total[{{window}}]))'
            """);

        var gate = CanaryConfigReader.Read(path, new CanaryOverrides(), "http").Plan.Gates.Single();

        gate.Queries.For("requests", baseline: true).ShouldBe("sum(increase(stable_requests_total[{{window}}]))");
        gate.Queries.For("requests", baseline: false).ShouldContain("http_requests_total");
    }

    [Theory]
    [InlineData("900", 900)]
    [InlineData("15m", 900)]
    [InlineData("1h30m", 5400)]
    [InlineData("250ms", 0.25)]
    public void Durations_accept_seconds_and_units(string text, double seconds)
    {
        DurationText.TryParse(text, out var value).ShouldBeTrue();
        value.TotalSeconds.ShouldBe(seconds);
    }

    [Fact]
    public void A_duration_shorter_than_warmup_and_one_interval_is_rejected()
    {
        var error = Should.Throw<GateInputException>(() => CanaryConfigReader.Read(null, new CanaryOverrides
        {
            ErrorRateThreshold = 0.02,
            Duration = TimeSpan.FromMinutes(2),
            Warmup = TimeSpan.FromMinutes(2),
        }, "http"));

        error.Message.ShouldContain("must hold the warm-up");
    }

    [Fact]
    public void A_config_whose_gates_are_all_optional_is_rejected()
    {
        using var folder = new TempFolder();
        var path = folder.Write("c.yaml", """
            gates:
              errors: { metric: error_rate, max: 0.02, required: false }
            """);

        Should.Throw<GateInputException>(() => CanaryConfigReader.Read(path, new CanaryOverrides(), "http")).Message.ShouldContain("every gate is optional");
    }
}
