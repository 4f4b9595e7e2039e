using Gates.CanaryValidate.Analysis;
using Gates.CanaryValidate.Tests.Support;
using Gates.Core.Results;
using Gates.Core.Thresholds;

namespace Gates.CanaryValidate.Tests.Analysis;

public sealed class GateDeciderTests
{
    private static readonly DecisionSettings Settings = new() { Alpha = 0.05, MinSamples = 100, CanaryTuning = 2_000 };

    [Fact]
    public void A_clearly_low_error_rate_passes_an_absolute_limit()
    {
        var look = GateDecider.Decide(TestGates.ErrorRateAtMost(0.05), new SideStats(2_000, 10), null, Settings, null);

        look.Status.ShouldBe(GateStatus.Pass);
        look.Interval!.High.ShouldBeLessThan(0.05);
        look.Reason.ShouldContain("lies within <= 0.05");
    }

    [Fact]
    public void A_clearly_high_error_rate_fails_it()
    {
        var look = GateDecider.Decide(TestGates.ErrorRateAtMost(0.02), new SideStats(500, 60), null, Settings, null);

        look.Status.ShouldBe(GateStatus.Fail);
        look.Interval!.Low.ShouldBeGreaterThan(0.02);
    }

    [Fact]
    public void Too_few_samples_never_decide_even_when_the_interval_would()
    {
        var look = GateDecider.Decide(TestGates.ErrorRateAtMost(0.02), new SideStats(50, 40), null, Settings, null);

        look.Status.ShouldBe(GateStatus.TooFewSamples);
        look.NeededCanaryN.ShouldBe(100);
    }

    [Fact]
    public void No_canary_series_is_no_data_with_a_sample_size_planned_from_the_baseline()
    {
        var look = GateDecider.Decide(TestGates.ErrorRateAtMost(0.02), null, new SideStats(10_000, 50), Settings, null);

        look.Status.ShouldBe(GateStatus.NoData);
        look.NeededCanaryN.ShouldNotBeNull().ShouldBeGreaterThan(100);
        look.Baseline.ShouldBe(0.005);
    }

    [Fact]
    public void A_delta_gate_compares_canary_with_baseline_and_reports_the_difference()
    {
        var look = GateDecider.Decide(TestGates.ErrorRateDelta(0.01), new SideStats(5_000, 150), new SideStats(45_000, 450), Settings, null);

        look.Value!.Value.ShouldBe(0.02, tolerance: 1e-9);
        look.Status.ShouldBe(GateStatus.Fail);
        look.Reason.ShouldContain("delta 0.02");
    }

    [Fact]
    public void A_relative_delta_is_decided_on_the_contrast_and_shown_relative_to_the_baseline()
    {
        var look = GateDecider.Decide(TestGates.ErrorRateDelta(0.5, DeltaMode.Relative), new SideStats(20_000, 200), new SideStats(180_000, 1_800), Settings, null);

        look.Value!.Value.ShouldBe(0, tolerance: 1e-9);
        look.Status.ShouldBe(GateStatus.Pass);
        look.Interval!.High.ShouldBeLessThan(0.5);
        look.Contrast!.High.ShouldBeLessThan(0);
    }

    [Fact]
    public void A_quality_mean_with_a_known_range_passes_a_lower_limit()
    {
        var look = GateDecider.Decide(TestGates.QualityAtLeast(0.8), new SideStats(3_000, 2_760), null, Settings, null);

        look.Status.ShouldBe(GateStatus.Pass);
        look.Interval!.Low.ShouldBeGreaterThan(0.8);
        look.Method.ShouldBe("normal-mixture confidence sequence");
    }

    [Fact]
    public void The_sequence_is_intersected_with_the_previous_looks()
    {
        var previous = new Interval(0.001, 0.015, 0.95);

        var look = GateDecider.Decide(TestGates.ErrorRateAtMost(0.02), new SideStats(300, 6), null, Settings, previous);

        look.Interval!.High.ShouldBe(0.015);
        look.Status.ShouldBe(GateStatus.Pass);
    }
}
