using Gates.Core.Statistics.Drift;
using Gates.Core.Tests.Statistics.Drift.ReferenceVectors;

namespace Gates.Core.Tests.Statistics.Drift;

public class DivergenceTests
{
    [Fact]
    public void Wasserstein_and_population_sd_match_scipy_and_numpy()
    {
        foreach (var v in ScipyVectors.Wasserstein)
        {
            var a = Samples.Distribution(v.N1, v.Mult1, v.Mod1, v.Scale1, v.Shift1, v.Levels1);
            var b = Samples.Distribution(v.N2, v.Mult2, v.Mod2, v.Scale2, v.Shift2, v.Levels2);
            Divergences.Wasserstein(a, b).ShouldMatch(v.Distance, 1e-9, 1e-15, $"wasserstein n1={v.N1} n2={v.N2}");
            var values = Samples.Make(v.N1, v.Mult1, v.Mod1, v.Scale1, v.Shift1, v.Levels1);
            Moments.Of(values).PopulationStandardDeviation.ShouldMatch(v.StdA, 1e-9, what: "np.std");
        }
    }

    [Fact]
    public void Jensen_Shannon_matches_scipy_in_base_2_and_base_e()
    {
        foreach (var (p, q, base2, baseE) in ScipyVectors.JensenShannon)
        {
            Divergences.JensenShannon(p, q).ShouldMatch(base2, 1e-9, 1e-12, "base 2");
            Divergences.JensenShannon(p, q, Math.E).ShouldMatch(baseE, 1e-9, 1e-12, "base e");
        }
    }

    [Fact]
    public void Disjoint_distributions_have_Jensen_Shannon_distance_one_in_base_2_and_root_ln2_in_base_e()
    {
        Divergences.JensenShannon([1, 0], [0, 1]).ShouldBe(1, 1e-12);
        Divergences.JensenShannon([1, 0], [0, 1], Math.E).ShouldBe(0.8325546111576977, 1e-12);
    }

    [Fact]
    public void Psi_on_reference_deciles_matches_numpy()
    {
        foreach (var v in ScipyVectors.Psi)
        {
            var reference = Samples.Make(v.N1, v.Mult1, v.Mod1, v.Scale1, v.Shift1, v.Levels1);
            var current = Samples.Make(v.N2, v.Mult2, v.Mod2, v.Scale2, v.Shift2, v.Levels2);
            var bins = QuantileBins.FromReference(EmpiricalDistribution.FromValues(reference), v.Bins);
            var psi = Divergences.PopulationStabilityIndex(bins.Counts(EmpiricalDistribution.FromValues(reference)),
                bins.Counts(EmpiricalDistribution.FromValues(current)), v.Smoothing);
            psi.ShouldMatch(v.Psi, 1e-9, 1e-12, $"psi n1={v.N1} n2={v.N2} bins={v.Bins}");
        }
    }

    [Fact]
    public void Quantiles_match_numpy_linear_interpolation()
    {
        foreach (var v in ScipyVectors.Quantiles)
        {
            var d = Samples.Distribution(v.N, v.Mult, v.Mod, v.Scale, v.Shift, v.Levels);
            d.Quantile(v.P).ShouldMatch(v.Q, 1e-12, 1e-15, $"quantile n={v.N} p={v.P}");
        }
    }
}
