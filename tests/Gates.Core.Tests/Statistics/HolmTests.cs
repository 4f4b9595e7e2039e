using Gates.Core.Statistics;

namespace Gates.Core.Tests.Statistics;

public class HolmTests
{
    private static readonly double[] PValues = [0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.9, 0.0001];

    [Fact]
    public void Adjust_matches_the_holm_reference_values()
    {
        // Holm (1979) by hand: sorted p times (m − i + 1), running maximum, cap 1; the same rule as statsmodels
        // multipletests(p, method='holm')[1] (reference_values.py prints it).
        double[] expected = [0.06, 0.16, 0.15, 0.035, 0.4, 0.16, 0.9, 0.0008];

        var adjusted = Holm.Adjust(PValues);

        adjusted.Length.ShouldBe(expected.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            adjusted[i].ShouldBeNear(expected[i]);
        }
    }

    [Fact]
    public void Adjust_caps_at_one_and_keeps_the_order()
    {
        Holm.Adjust([0.01, 0.04, 0.03, 0.005]).ShouldBe([0.03, 0.06, 0.06, 0.02], 1e-12);
        Holm.Adjust([0.5, 0.9]).ShouldBe([1.0, 1.0], 1e-12);
    }

    [Fact]
    public void Reject_at_five_per_cent_rejects_only_the_two_smallest()
    {
        Holm.Reject(PValues, 0.05).ShouldBe([false, false, false, true, false, false, false, true]);
    }

    [Fact]
    public void Holm_is_never_less_strict_than_benjamini_hochberg()
    {
        var holm = Holm.Adjust(PValues);
        var bh = BenjaminiHochberg.Adjust(PValues);
        for (var i = 0; i < PValues.Length; i++)
        {
            holm[i].ShouldBeGreaterThanOrEqualTo(bh[i]);
            holm[i].ShouldBeGreaterThanOrEqualTo(PValues[i]);
        }
    }

    [Fact]
    public void Step_down_gives_alpha_over_the_remaining_count_until_the_first_test_that_is_not_rejected()
    {
        var alphas = Holm.StepDownAlphas([0.03, 0.001, 0.02, 0.5], [0.05, 0.05, 0.05, 0.05]);

        // Ranks: 0.001 (α/4 = 0.0125, rejected), 0.02 (α/3 ≈ 0.0167, not rejected: the steps stop here),
        // then 0.03 and 0.5 keep α/3.
        alphas.ShouldBe([0.05 / 3, 0.0125, 0.05 / 3, 0.05 / 3], 1e-12);
    }

    [Fact]
    public void Step_down_rejects_exactly_what_the_adjusted_p_values_reject()
    {
        var alphas = Holm.StepDownAlphas(PValues, [.. PValues.Select(_ => 0.05)]);
        var rejected = PValues.Select((p, i) => p <= alphas[i]).ToArray();

        rejected.ShouldBe(Holm.Reject(PValues, 0.05));
    }

    [Fact]
    public void Step_down_reaches_the_full_alpha_when_every_test_is_rejected()
    {
        Holm.StepDownAlphas([0.001, 0.002], [0.05, 0.05]).ShouldBe([0.025, 0.05], 1e-12);
    }

    [Fact]
    public void Tests_outside_the_stepping_count_in_the_family_size()
    {
        // Two ranked tests in a family of three: the first step is α/3, the second α/2; the third test runs at α/3.
        Holm.StepDownAlphas([0.001, 0.002], [0.05, 0.05], familySize: 3).ShouldBe([0.05 / 3, 0.025], 1e-12);
    }

    [Fact]
    public void Bad_input_is_rejected()
    {
        Should.Throw<ArgumentException>(() => Holm.Adjust([0.5, 1.5]));
        Should.Throw<ArgumentException>(() => Holm.Reject([0.5], 0));
        Should.Throw<ArgumentException>(() => Holm.StepDownAlphas([0.5], [0.05, 0.05]));
        Should.Throw<ArgumentException>(() => Holm.StepDownAlphas([0.5, 0.5], [0.05, 0.05], familySize: 1));
    }
}
