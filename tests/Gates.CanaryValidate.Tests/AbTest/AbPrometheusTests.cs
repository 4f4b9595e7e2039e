using System.Text.Json.Nodes;

namespace Gates.CanaryValidate.Tests.AbTest;

/// <summary>
/// Issue 14's outcomes: the issue's ABTest file, unchanged, against a real Prometheus backfilled with a two-arm
/// gateway's week; each run is one scheduled run at a given time, recomputing every look since the start.
/// </summary>
public sealed class AbPrometheusTests(AbPrometheus prometheus) : IClassFixture<AbPrometheus>
{
    private const string StartedAt = "2026-01-05T00:00:00Z";
    private static readonly DateTimeOffset AfterTheEnd = TwoArmExporter.Start + TimeSpan.FromDays(7) + TimeSpan.FromMinutes(30);

    private static Task<int> Run(AbRunner run, Uri prometheus, params string[] extra) =>
        run.RunAsync(["--config", AbTestReaderTests.IssueFile, "--prometheus-url", prometheus.AbsoluteUri, "--started-at", StartedAt, .. extra]);

    [Fact]
    public async Task A_better_treatment_is_promoted_at_an_early_look()
    {
        using var run = new AbRunner(AfterTheEnd);

        var exit = await Run(run, prometheus.Better.Url);

        exit.ShouldBe(0, run.Error.ToString());
        run.Details["decision"]!.GetValue<string>().ShouldBe("promote");
        run.Details["look"]!.GetValue<int>().ShouldBeLessThan(24);
        run.Details["totalLooks"]!.GetValue<int>().ShouldBe(168);
        run.Check("task_success_rate")["verdict"]!.GetValue<string>().ShouldBe("pass");
        run.Check("task_success_rate")["delta"]!.GetValue<double>().ShouldBe(0.05, 0.002);
        run.Check("task_success_rate")["compared"]!.GetValue<string>().ShouldBe("delta");
        run.Check("user_satisfaction_score")["verdict"]!.GetValue<string>().ShouldBe("pass");
        run.Check("traffic-split")["verdict"]!.GetValue<string>().ShouldBe("pass");
        run.Check("latency_p95")["observed"]!.GetValue<double>().ShouldBeInRange(1.0, 2.0);
        run.Error.ToString().ShouldContain("look 1/168 at 2026-01-05 01:00Z: task_success_rate");
    }

    [Fact]
    public async Task A_breached_guardrail_rolls_back_at_the_look_that_saw_it()
    {
        using var run = new AbRunner(AfterTheEnd);

        var exit = await Run(run, prometheus.Guardrail.Url);

        exit.ShouldBe(1, run.Error.ToString());
        run.Details["decision"]!.GetValue<string>().ShouldBe("rollback");
        run.Details["look"]!.GetValue<int>().ShouldBe(31);
        run.Details["reason"]!.GetValue<string>().ShouldContain("guardrail breached at look 31: task_success_rate of the treatment over the last 1h is 0.6");
        run.Check("guardrail-task_success_rate")["verdict"]!.GetValue<string>().ShouldBe("fail");
        run.Check("guardrail-hallucination_rate")["verdict"]!.GetValue<string>().ShouldBe("pass");
    }

    [Fact]
    public async Task Equal_arms_end_inconclusive_with_the_samples_needed()
    {
        using var run = new AbRunner(AfterTheEnd);

        var exit = await Run(run, prometheus.Equal.Url);

        exit.ShouldBe(4, run.Error.ToString());
        var reason = run.Details["reason"]!.GetValue<string>();
        reason.ShouldContain("the experiment ended at look 168 of 168 without a decision");
        reason.ShouldContain("task_success_rate: the arms look equal; about");
        reason.ShouldContain("would detect a true difference of 0.0425");
        run.Check("task_success_rate")["samplesToResolve"]!.GetValue<long>().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_50_50_split_where_70_30_is_configured_warns_of_a_sample_ratio_mismatch()
    {
        using var run = new AbRunner(TwoArmExporter.Start + TimeSpan.FromDays(1) + TimeSpan.FromMinutes(10));

        var exit = await Run(run, prometheus.Mismatch.Url);

        exit.ShouldBe(4, run.Error.ToString());
        run.Check("traffic-split")["verdict"]!.GetValue<string>().ShouldBe("warn");
        run.Report["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).ShouldContain(w => w.StartsWith("sample-ratio mismatch: the treatment received 50% of units"));
        run.Details["reason"]!.GetValue<string>().ShouldStartWith("look 24 of 168: not settled yet, 144 more looks until 2026-01-12 00:00Z");
    }

    [Fact]
    public async Task Two_scheduled_runs_an_hour_apart_agree_on_the_looks_they_share()
    {
        using var first = new AbRunner(TwoArmExporter.Start + TimeSpan.FromHours(10) + TimeSpan.FromMinutes(5));
        using var second = new AbRunner(TwoArmExporter.Start + TimeSpan.FromHours(11) + TimeSpan.FromMinutes(5));

        (await Run(first, prometheus.Equal.Url)).ShouldBe(4, first.Error.ToString());
        (await Run(second, prometheus.Equal.Url)).ShouldBe(4, second.Error.ToString());

        var early = first.Details["looks"]!.AsArray();
        var late = second.Details["looks"]!.AsArray();
        early.Count.ShouldBe(10);
        late.Count.ShouldBe(11);
        for (var i = 0; i < early.Count; i++)
        {
            JsonNode.DeepEquals(early[i], late[i]).ShouldBeTrue($"look {i + 1}: {early[i]!.ToJsonString()} vs {late[i]!.ToJsonString()}");
        }

        second.Details["reason"]!.GetValue<string>().ShouldStartWith("look 11 of 168");
    }

    [Fact]
    public async Task The_fixed_horizon_test_warns_of_peeking_before_its_planned_size_and_decides_at_it()
    {
        using var early = new AbRunner(TwoArmExporter.Start + TimeSpan.FromHours(2) + TimeSpan.FromMinutes(5));
        using var late = new AbRunner(AfterTheEnd);

        var earlyExit = await Run(early, prometheus.Better.Url, "--fixed-horizon", "--mde", "0.01");
        var lateExit = await Run(late, prometheus.Better.Url, "--fixed-horizon", "--mde", "0.01");

        earlyExit.ShouldBe(4, early.Error.ToString());
        early.Report["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).ShouldContain(w => w.StartsWith("peeking: look 2 is before the planned sample size"));
        early.Details["analysis"]!["plannedTreatment"]!.GetValue<long>().ShouldBe(13963);
        lateExit.ShouldBe(0, late.Error.ToString());
        late.Check("task_success_rate")["method"]!.GetValue<string>().ShouldBe("two-proportion z-test (pooled, two-sided)");
        late.Check("task_success_rate")["pValue"]!.GetValue<double>().ShouldBeLessThan(0.05);
    }
}
