using Gates.Core.Statistics.Drift;
using Gates.Core.Tests.Statistics.Drift.ReferenceVectors;

namespace Gates.Core.Tests.Statistics.Drift;

public class CategoricalTestTests
{
    [Fact]
    public void Chi_square_homogeneity_matches_scipy_chi2_contingency()
    {
        foreach (var (first, second, statistic, p, dof) in ScipyVectors.ChiSquareHomogeneity)
        {
            var result = ChiSquareTest.Homogeneity(first, second);
            result.DegreesOfFreedom.ShouldBe(dof);
            result.Statistic.ShouldMatch(statistic, 1e-9, 1e-12, "chi2");
            result.PValue.ShouldMatch(p, what: $"chi2 p for [{string.Join(",", first)}] vs [{string.Join(",", second)}]");
        }
    }

    [Fact]
    public void Chi_square_goodness_of_fit_matches_scipy_chisquare()
    {
        foreach (var (reference, current, statistic, p) in ScipyVectors.ChiSquareGoodnessOfFit)
        {
            var expected = reference.Select(r => r * current.Sum() / reference.Sum()).ToArray();
            var result = ChiSquareTest.GoodnessOfFit(current, expected);
            result.Statistic.ShouldMatch(statistic, 1e-9, 1e-12, "chisquare");
            result.PValue.ShouldMatch(p, what: "chisquare p");
        }
    }

    [Fact]
    public void Two_proportion_z_test_matches_the_formula_with_scipy_normal()
    {
        foreach (var (s1, n1, s2, n2, z, p) in ScipyVectors.TwoProportionZ)
        {
            var result = TwoProportionZTest.Test(s1, n1, s2, n2);
            result.Z.ShouldMatch(z, 1e-12, 1e-15, "z");
            result.PValue.ShouldMatch(p, what: $"z-test p {s1}/{n1} vs {s2}/{n2}");
        }
    }

    [Fact]
    public void A_single_category_on_both_sides_is_no_evidence_of_a_difference()
    {
        ChiSquareTest.Homogeneity([10], [20]).PValue.ShouldBe(1);
        TwoProportionZTest.Test(0, 10, 0, 20).PValue.ShouldBe(1);
    }
}
