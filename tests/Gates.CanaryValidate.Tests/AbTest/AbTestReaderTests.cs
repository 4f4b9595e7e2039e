using Gates.CanaryValidate.AbTest;
using Gates.Core;
using Gates.Testing;

namespace Gates.CanaryValidate.Tests.AbTest;

/// <summary>The ABTest file of issue 14 is read exactly as teams write it; the Gates sections extend it.</summary>
public sealed class AbTestReaderTests
{
    public static readonly string IssueFile = RepositoryPaths.Of("samples", "abtest", "model-comparison-q1.yaml");

    [Fact]
    public void The_file_from_the_issue_is_accepted_as_written()
    {
        AbTestReader.IsAbTest(IssueFile).ShouldBeTrue();

        var test = AbTestReader.Read(IssueFile, new AbFlags());

        test.Name.ShouldBe("model-comparison-q1");
        test.Namespace.ShouldBe("ai-production");
        test.Duration.ShouldBe(TimeSpan.FromDays(7));
        test.Control.ShouldBe(new AbArm("control", "gpt-4o-2024-08-06", 70));
        test.Treatment.ShouldBe(new AbArm("treatment", "gpt-4o-2025-01-15", 30));
        test.TreatmentShare.ShouldBe(0.3, 1e-12);
        test.Primary.Select(m => m.Name).ShouldBe(["task_success_rate", "user_satisfaction_score"]);
        test.Secondary.Select(m => m.Name).ShouldBe(["latency_p95", "cost_per_request", "hallucination_rate"]);
        test.Guardrails.Select(g => (g.Metric.Name, g.Threshold, g.Window)).ShouldBe(
            [("task_success_rate", 0.80, TimeSpan.FromHours(1)), ("hallucination_rate", 0.15, TimeSpan.FromMinutes(30))]);
        test.UnitKey.ShouldBe("user_id");
        test.Assignment.ShouldBe("sticky_user");
        test.StartedAt.ShouldBeNull();
        test.Settings.Interval.ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public void Directions_are_known_per_metric()
    {
        var test = AbTestReader.Read(IssueFile, new AbFlags());
        var all = test.AllMetrics.ToDictionary(m => m.Name);

        all["task_success_rate"].HigherIsBetter.ShouldBeTrue();
        all["user_satisfaction_score"].HigherIsBetter.ShouldBeTrue();
        all["hallucination_rate"].HigherIsBetter.ShouldBeFalse();
        all["cost_per_request"].HigherIsBetter.ShouldBeFalse();
        all["latency_p95"].Kind.ShouldBe(AbMetricKind.Quantile);
        all["task_success_rate"].Queries["numerator"].ShouldBe("sum(increase(llm_task_success_total{{{label}}=\"{{arm}}\"}[{{window}}]))");
    }

    [Fact]
    public void An_unknown_metric_is_an_input_error_naming_it()
    {
        using var folder = new TempFolder();
        var path = folder.Write("ab.yaml", File.ReadAllText(IssueFile).Replace("hallucination_rate]", "toxicity_rate]"));

        var error = Should.Throw<GateInputException>(() => AbTestReader.Read(path, new AbFlags()));

        error.Message.ShouldContain("unknown metric 'toxicity_rate'");
    }

    [Fact]
    public void A_gates_metrics_section_defines_custom_promql_and_the_start_comes_from_an_annotation()
    {
        using var folder = new TempFolder();
        var path = folder.Write("ab.yaml", """
            apiVersion: experiments.example.com/v1alpha1
            kind: ABTest
            metadata:
              name: reranker
              creationTimestamp: "2026-01-10T00:00:00Z"
              annotations: {gates.dev/started-at: "2026-01-12T09:00:00Z"}
            spec:
              duration: 1d12h
              traffic_split:
                control: {model: rr-1, weight: 50}
                treatment: {model: rr-2, weight: 50}
              metrics:
                primary: [click_rate]
            metrics:
              click_rate:
                type: proportion
                better: higher
                queries:
                  numerator: 'sum(increase(clicks_total{variant="{{arm}}"}[{{window}}]))'
                  denominator: 'sum(increase(impressions_total{variant="{{arm}}"}[{{window}}]))'
            analysis: {interval: 30m, alpha: 0.01}
            """);

        var test = AbTestReader.Read(path, new AbFlags());

        test.Duration.ShouldBe(TimeSpan.FromHours(36));
        test.StartedAt.ShouldBe(new DateTimeOffset(2026, 1, 12, 9, 0, 0, TimeSpan.Zero));
        test.Primary[0].Queries["numerator"].ShouldContain("clicks_total");
        test.Settings.Interval.ShouldBe(TimeSpan.FromMinutes(30));
        test.Settings.Alpha.ShouldBe(0.01);
        test.Guardrails.ShouldBeEmpty();
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        using var folder = new TempFolder();
        var path = folder.Write("ab.yaml", """
            kind: ABTest
            spec:
              duration: a week
              traffic_split:
                control: {model: a}
                treatment: {model: b, weight: 50}
              metrics: {primary: [latency_p95]}
              surprise: 1
            metrics:
              mine: {type: mean, better: higher, queries: {sum: 'x'}}
            """);

        var error = Should.Throw<GateInputException>(() => AbTestReader.Read(path, new AbFlags()));

        error.Message.ShouldContain("'spec.duration': 'a week' is not a duration");
        error.Message.ShouldContain("'spec.traffic_split.control.weight'");
        error.Message.ShouldContain("'latency_p95' is a quantile");
        error.Message.ShouldContain("unknown key 'spec.surprise'");
        error.Message.ShouldContain("'metrics.mine' (mean) needs the queries count");
    }

    [Theory]
    [InlineData("7d", 7 * 24 * 60)]
    [InlineData("1h", 60)]
    [InlineData("30m", 30)]
    [InlineData("1d12h", 36 * 60)]
    public void Durations_take_days_hours_and_minutes(string text, int minutes)
    {
        AbDuration.TryParse(text, out var value).ShouldBeTrue();
        value.ShouldBe(TimeSpan.FromMinutes(minutes));
    }
}
