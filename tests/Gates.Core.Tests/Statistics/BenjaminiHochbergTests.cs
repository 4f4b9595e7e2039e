using Gates.Core.Statistics;

namespace Gates.Core.Tests.Statistics;

public class BenjaminiHochbergTests
{
    private static readonly double[] PValues = [0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.9, 0.0001];

    [Fact]
    public void Adjust_matches_statsmodels()
    {
        // Reference: statsmodels 0.13.5 multipletests(p, method='fdr_bh')[1]; reference_values.py.
        double[] expected =
        [
            0.02666666666666667, 0.05333333333333334, 0.05333333333333334, 0.02,
            0.2285714285714286, 0.05333333333333334, 0.9, 0.0008,
        ];

        var adjusted = BenjaminiHochberg.Adjust(PValues);

        adjusted.Length.ShouldBe(expected.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            adjusted[i].ShouldBeNear(expected[i]);
        }
    }

    [Fact]
    public void Adjust_caps_at_one()
    {
        // Reference: statsmodels multipletests([0.5, 0.9, 0.95], method='fdr_bh')[1] = [0.95, 0.95, 0.95].
        BenjaminiHochberg.Adjust([0.5, 0.9, 0.95]).ShouldBe([0.95, 0.95, 0.95], 1e-12);
        BenjaminiHochberg.Adjust([0.6, 1.0]).ShouldAllBe(p => p <= 1);
    }

    [Fact]
    public void Adjust_is_monotone_in_the_raw_p_values_and_never_below_them()
    {
        var adjusted = BenjaminiHochberg.Adjust(PValues);

        for (var i = 0; i < PValues.Length; i++)
        {
            adjusted[i].ShouldBeGreaterThanOrEqualTo(PValues[i]);
            for (var j = 0; j < PValues.Length; j++)
            {
                if (PValues[i] <= PValues[j])
                {
                    adjusted[i].ShouldBeLessThanOrEqualTo(adjusted[j]);
                }
            }
        }
    }

    [Fact]
    public void Adjust_single_value_is_unchanged()
    {
        BenjaminiHochberg.Adjust([0.03]).ShouldBe([0.03]);
    }

    [Fact]
    public void Reject_matches_statsmodels()
    {
        // Reference: statsmodels multipletests(p, alpha=q, method='fdr_bh')[0] for q = 0.05 and 0.10.
        BenjaminiHochberg.Reject(PValues, 0.05).ShouldBe([true, false, false, true, false, false, false, true]);
        BenjaminiHochberg.Reject(PValues, 0.10).ShouldBe([true, true, true, true, false, true, false, true]);
    }

    [Fact]
    public void BadInput_Throws()
    {
        Should.Throw<ArgumentException>(() => BenjaminiHochberg.Adjust([])).ParamName.ShouldBe("pValues");
        Should.Throw<ArgumentException>(() => BenjaminiHochberg.Adjust([0.1, double.NaN])).Message.ShouldContain("pValues[1]");
        Should.Throw<ArgumentException>(() => BenjaminiHochberg.Adjust([0.1, 1.5])).Message.ShouldContain("between 0 and 1");
        Should.Throw<ArgumentException>(() => BenjaminiHochberg.Adjust([-0.1])).Message.ShouldContain("between 0 and 1");
        Should.Throw<ArgumentException>(() => BenjaminiHochberg.Reject([0.1], 0)).ParamName.ShouldBe("q");
    }
}
