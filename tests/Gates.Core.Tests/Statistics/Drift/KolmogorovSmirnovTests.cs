using Gates.Core.Statistics.Drift;
using Gates.Core.Tests.Statistics.Drift.ReferenceVectors;

namespace Gates.Core.Tests.Statistics.Drift;

public class KolmogorovSmirnovTests
{
    [Fact]
    public void Kolmogorov_survival_matches_scipy_kstwo_in_every_region()
    {
        foreach (var (n, d, sf) in ScipyVectors.KolmogorovSurvival)
        {
            KolmogorovDistribution.Survival(n, d).ShouldMatch(sf, what: $"kstwo.sf({d:R}, {n})");
        }
    }

    [Fact]
    public void Two_sample_statistic_and_p_value_match_scipy_ks_2samp()
    {
        foreach (var v in ScipyVectors.KsTwoSample)
        {
            var a = Samples.Distribution(v.N1, v.Mult1, v.Mod1, v.Scale1, v.Shift1, v.Levels1);
            var b = Samples.Distribution(v.N2, v.Mult2, v.Mod2, v.Scale2, v.Shift2, v.Levels2);
            var result = KolmogorovSmirnovTest.Test(a, b);
            var what = $"ks_2samp n1={v.N1} n2={v.N2}";
            result.Statistic.ShouldMatch(v.D, 1e-12, 1e-15, what);
            result.PValue.ShouldMatch(v.P, what: what);
            result.Method.ShouldBe(Math.Max(v.N1, v.N2) <= 10_000 ? KsMethod.Exact : KsMethod.Asymptotic, what);
        }
    }

    [Fact]
    public void Identical_samples_have_statistic_zero_and_p_value_one()
    {
        var a = Samples.Distribution(500, 7, 1009, 1, 0, 0);
        var b = Samples.Distribution(500, 7, 1009, 1, 0, 0);
        var result = KolmogorovSmirnovTest.Test(a, b);
        result.Statistic.ShouldBe(0);
        result.PValue.ShouldBe(1);
    }

    [Fact]
    public void Disjoint_samples_have_statistic_one()
    {
        var a = EmpiricalDistribution.FromValues([1, 2, 3]);
        var b = EmpiricalDistribution.FromValues([10, 11, 12, 13]);
        var result = KolmogorovSmirnovTest.Test(a, b);
        result.Statistic.ShouldBe(1);
        // exact: only 2 of the C(7,3) = 35 orderings separate the samples completely
        result.PValue.ShouldMatch(2.0 / 35, 1e-12);
    }
}
