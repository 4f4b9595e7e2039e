using Gates.CanaryValidate.Analysis;
using Gates.CanaryValidate.Tests.Support;
using Gates.Kubernetes;

namespace Gates.CanaryValidate.Tests.Analysis;

/// <summary>The analysis loop's rules: when it stops, and why.</summary>
public sealed class CanaryAnalysisTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static AnalysisPlan Plan(TimeSpan? minDuration = null) => new()
    {
        Gates = [TestGates.ErrorRateAtMost(0.05)],
        Duration = TimeSpan.FromMinutes(10),
        Interval = TimeSpan.FromMinutes(1),
        MinDuration = minDuration ?? TimeSpan.Zero,
    };

    private static Task<AnalysisOutcome> Run(AnalysisPlan plan, IMetricReader reader, ITargetProbe? target = null, CancellationToken ct = default) =>
        new CanaryAnalysis(plan, reader, target, new JumpClock(Start)).RunAsync(Start, ct);

    [Fact]
    public async Task A_clear_pass_promotes_at_the_first_look_that_shows_it()
    {
        var outcome = await Run(Plan(), new FixedTraffic("error-rate", 1_000, 5, 9_000, 45));

        outcome.Decision.ShouldBe(CanaryDecision.Promote);
        outcome.Looks.Count.ShouldBe(1);
        outcome.Elapsed.ShouldBe(TimeSpan.FromMinutes(1));
        outcome.StoppedEarly.ShouldBeTrue();
        outcome.Reason.ShouldContain("after 1 look (");
    }

    [Fact]
    public async Task The_minimum_duration_holds_back_an_early_promotion_but_not_a_rollback()
    {
        var promote = await Run(Plan(TimeSpan.FromMinutes(5)), new FixedTraffic("error-rate", 1_000, 5, 9_000, 45));
        var rollback = await Run(Plan(TimeSpan.FromMinutes(5)), new FixedTraffic("error-rate", 1_000, 200, 9_000, 45));

        promote.Looks.Count.ShouldBe(5);
        promote.Decision.ShouldBe(CanaryDecision.Promote);
        rollback.Looks.Count.ShouldBe(1);
        rollback.Decision.ShouldBe(CanaryDecision.Rollback);
        promote.Reason.ShouldContain("after 5 looks (");
    }

    [Fact]
    public async Task A_crash_loop_at_the_start_rolls_back_at_once_before_any_metric_is_read()
    {
        var broken = ScriptedTarget.Healthy() with { CanaryReady = false, Failures = ["pod m-canary-1 container server: CrashLoopBackOff"] };

        var outcome = await Run(Plan(), new FixedTraffic("error-rate", 1_000, 5, 9_000, 45), new ScriptedTarget(broken));

        outcome.Decision.ShouldBe(CanaryDecision.Rollback);
        outcome.HealthFailure.ShouldBe("pod m-canary-1 container server: CrashLoopBackOff");
        outcome.Looks.ShouldBeEmpty();
        outcome.Elapsed.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task Restarts_during_the_analysis_roll_back_but_restarts_from_before_do_not()
    {
        var target = new ScriptedTarget(ScriptedTarget.Healthy(restarts: 3), ScriptedTarget.Healthy(restarts: 3), ScriptedTarget.Healthy(restarts: 4));
        var slow = new FixedTraffic("error-rate", 30, 0, 270, 1);

        var outcome = await Run(Plan() with { MinSamples = 1_000 }, slow, target);

        outcome.Decision.ShouldBe(CanaryDecision.Rollback);
        outcome.Reason.ShouldBe("canary containers restarted 1 times during the analysis (allowed 0)");
        outcome.Looks.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_canary_that_is_not_ready_is_not_promoted_however_good_its_numbers()
    {
        var waiting = ScriptedTarget.Healthy() with { CanaryReady = false, NotReady = ["deployment m-canary: 0 of 1 replicas ready"] };

        var outcome = await Run(Plan(), new FixedTraffic("error-rate", 1_000, 5, 9_000, 45), new ScriptedTarget(waiting));

        outcome.Decision.ShouldBe(CanaryDecision.Inconclusive);
        outcome.Reason.ShouldContain("the canary is not ready: deployment m-canary: 0 of 1 replicas ready");
    }

    [Fact]
    public async Task A_traffic_split_far_from_the_configured_one_is_a_warning()
    {
        var outcome = await Run(Plan(), new FixedTraffic("error-rate", 1_000, 5, 9_000, 45), new ScriptedTarget(ScriptedTarget.Healthy(share: 0.25)));

        outcome.Warnings.ShouldHaveSingleItem().ShouldStartWith("sample-ratio mismatch: the canary received 10% of requests (1000 of 10000), configured 25%");
        outcome.SrmPValue!.Value.ShouldBeLessThan(0.001);
    }

    [Fact]
    public async Task Cancelling_ends_the_analysis_inconclusive_with_the_looks_so_far()
    {
        using var cancel = new CancellationTokenSource();
        var clock = new JumpClock(Start) { Jumped = at => { if (at >= Start + TimeSpan.FromMinutes(3)) cancel.Cancel(); } };
        var slow = new FixedTraffic("error-rate", 10, 0, 90, 1);

        var outcome = await new CanaryAnalysis(Plan(), slow, null, clock).RunAsync(Start, cancel.Token);

        outcome.Decision.ShouldBe(CanaryDecision.Inconclusive);
        outcome.Reason.ShouldBe("cancelled before a decision");
        outcome.Looks.Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_warmup_delays_the_first_look_and_shortens_the_window()
    {
        var windows = new List<TimeSpan>();
        var reader = new RecordingReader(windows);

        await Run(Plan() with { Warmup = TimeSpan.FromMinutes(2) }, reader);

        windows.First().ShouldBe(TimeSpan.FromMinutes(1));
        windows.Count.ShouldBe(8);
    }

    private sealed class RecordingReader(List<TimeSpan> windows) : IMetricReader
    {
        public Task<LookData> ReadAsync(DateTimeOffset at, TimeSpan window, CancellationToken ct)
        {
            windows.Add(window);
            return Task.FromResult(new LookData(new Dictionary<string, GateData>()));
        }
    }
}
