using Gates.Core.Statistics.Experiments;

namespace Gates.Core.Tests.Statistics.Experiments;

/// <summary>
/// The A/B statistics against reference values: the two-proportion z-test and its sample size (computed with scipy,
/// see reference_values.py; 3,841 per arm for 10 % against 12 % is the textbook value), the delta-method variance of
/// a ratio, and the anytime-valid and fixed-horizon decisions.
/// </summary>
public sealed class ExperimentStatisticsTests
{
    private static readonly Hypothesis Better = new(HypothesisKind.Superiority, HigherIsBetter: true);

    [Fact]
    public void The_fixed_horizon_test_of_two_proportions_is_the_pooled_z_test()
    {
        var control = ArmSummary.Proportion(7000, 630);
        var treatment = ArmSummary.Proportion(3000, 330);

        var result = FixedHorizonComparison.Compare(control, treatment, Better, 0.05);

        result.PValue!.Value.ShouldBeNear(0.0018636539914530098);
        result.Method.ShouldBe(FixedHorizonComparison.ProportionMethod);
        result.Status.ShouldBe(ComparisonStatus.Shown);
        result.Difference.ShouldBe(0.02, 1e-12);
    }

    [Fact]
    public void A_significant_difference_the_wrong_way_refutes_superiority()
    {
        var result = FixedHorizonComparison.Compare(ArmSummary.Proportion(3000, 330), ArmSummary.Proportion(7000, 630), Better, 0.05);

        result.Status.ShouldBe(ComparisonStatus.Refuted);
    }

    [Theory]
    [InlineData(0.5, 3841, 3841)]
    [InlineData(0.3, 6319, 2708)]
    public void The_planned_sample_size_matches_the_reference(double treatmentShare, long control, long treatment)
    {
        var planned = FixedHorizonSampleSize.TwoProportions(0.10, 0.12, 0.05, 0.8, treatmentShare);

        planned.ShouldBe((control, treatment));
    }

    [Fact]
    public void Equal_rates_need_no_planned_size_because_none_would_do()
    {
        FixedHorizonSampleSize.TwoProportions(0.10, 0.10, 0.05, 0.8, 0.5).ShouldBeNull();
    }

    [Fact]
    public void The_delta_method_variance_of_a_ratio_matches_the_hand_computed_value()
    {
        (double Y, double X)[] units = [(2, 4), (1, 2), (3, 5), (0, 1), (4, 6)];
        var arm = new ArmSummary(units.Length, units.Sum(u => u.Y), units.Sum(u => u.X),
            units.Sum(u => u.Y * u.Y), units.Sum(u => u.X * u.X), units.Sum(u => u.X * u.Y));

        arm.Value.ShouldBe(10.0 / 18, 1e-12);
        arm.EstimateVariance().ShouldBeNear(0.003334095412284717);
    }

    [Fact]
    public void A_mean_per_unit_has_the_variance_of_the_mean()
    {
        double[] values = [1, 2, 3, 4, 5];
        var arm = ArmSummary.Mean(5, values.Sum(), values.Sum(v => v * v));

        arm.EstimateVariance().ShouldBe(2.5 / 5, 1e-12);
    }

    [Fact]
    public void The_anytime_valid_comparison_shows_a_large_improvement_and_not_an_equal_one()
    {
        var control = ArmSummary.Proportion(70_000, 49_000);
        var better = SequentialComparison.Compare(control, ArmSummary.Proportion(30_000, 22_500), Better, 0.05, 100_000);
        var equal = SequentialComparison.Compare(control, ArmSummary.Proportion(30_000, 21_000), Better, 0.05, 100_000, effect: 0.01);

        better.Status.ShouldBe(ComparisonStatus.Shown);
        better.Contrast.Low.ShouldBeGreaterThan(0);
        equal.Status.ShouldBe(ComparisonStatus.Undecided);
        equal.NeededForEffect.ShouldNotBeNull().ShouldBeGreaterThan(30_000);
    }

    [Fact]
    public void The_anytime_valid_interval_is_wider_than_the_fixed_horizon_one()
    {
        var control = ArmSummary.Proportion(7000, 630);
        var treatment = ArmSummary.Proportion(3000, 330);

        var sequential = SequentialComparison.Compare(control, treatment, Better, 0.05, 10_000);
        var fixedHorizon = FixedHorizonComparison.Compare(control, treatment, Better, 0.05);

        sequential.Contrast.HalfWidth.ShouldBeGreaterThan(fixedHorizon.Contrast.HalfWidth);
    }

    [Fact]
    public void Non_inferiority_is_shown_for_an_equal_treatment_with_a_margin_and_lower_is_better()
    {
        var hypothesis = new Hypothesis(HypothesisKind.NonInferiority, HigherIsBetter: false, RelativeMargin: 0.1);
        var control = ArmSummary.Proportion(50_000, 5_000);

        var equal = SequentialComparison.Compare(control, ArmSummary.Proportion(50_000, 5_000), hypothesis, 0.05, 100_000);
        var worse = SequentialComparison.Compare(control, ArmSummary.Proportion(50_000, 6_500), hypothesis, 0.05, 100_000);

        equal.Status.ShouldBe(ComparisonStatus.Shown);
        worse.Status.ShouldBe(ComparisonStatus.Refuted);
    }

    [Fact]
    public void A_guardrail_is_breached_only_when_the_whole_interval_is_beyond_the_threshold()
    {
        var (_, clear) = WindowCheck.Evaluate(ArmSummary.Proportion(2000, 1400), 0.80, higherIsBetter: true, 0.05 / 168);
        var (_, noisy) = WindowCheck.Evaluate(ArmSummary.Proportion(20, 15), 0.80, higherIsBetter: true, 0.05 / 168);
        var (_, fine) = WindowCheck.Evaluate(ArmSummary.Proportion(2000, 1800), 0.80, higherIsBetter: true, 0.05 / 168);

        clear.ShouldBeTrue();
        noisy.ShouldBeFalse();
        fine.ShouldBeFalse();
    }

    [Fact]
    public void Paired_outcomes_use_McNemar_at_a_fixed_horizon_and_a_sequence_otherwise()
    {
        var champion = Enumerable.Range(0, 400).Select(i => i % 10 < 6 ? 1.0 : 0.0).ToList();
        var challenger = Enumerable.Range(0, 400).Select(i => i % 10 < 8 ? 1.0 : 0.0).ToList();

        var exact = PairedComparison.Compare(champion, challenger, Better, 0.05, fixedHorizon: true);
        var sequential = PairedComparison.Compare(champion, challenger, Better, 0.05, fixedHorizon: false);

        exact.Method.ShouldStartWith("McNemar");
        exact.PValue!.Value.ShouldBeLessThan(1e-6);
        exact.Status.ShouldBe(ComparisonStatus.Shown);
        sequential.Status.ShouldBe(ComparisonStatus.Shown);
        sequential.Treatment.ShouldBe(0.8, 1e-12);
    }
}
