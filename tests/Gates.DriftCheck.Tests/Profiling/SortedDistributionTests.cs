using Gates.Core.Statistics.Drift;
using Gates.DriftCheck.Profiling;

namespace Gates.DriftCheck.Tests.Profiling;

public class SortedDistributionTests
{
    [Fact]
    public void Sorted_numbers_with_ties_give_the_distribution_of_FromValues()
    {
        var random = new Random(5);
        var values = Enumerable.Range(0, 300_000).Select(_ => Math.Round(random.NextDouble() * 500, 1) - 100).Order().ToArray();
        var withSpare = values.Concat([1e9, 2e9]).ToArray();

        var built = SortedDistribution.Of(withSpare, values.Length);
        var expected = EmpiricalDistribution.FromValues((double[])values.Clone(), sorted: true);

        built.Values.ShouldBe(expected.Values);
        built.Weights.ShouldBe(expected.Weights);
        built.SampleSize.ShouldBe(values.Length);
        built.IsExact.ShouldBeTrue();
        built.Quantile(0.37).ShouldBe(expected.Quantile(0.37));
    }

    [Fact]
    public void A_non_finite_number_is_refused_as_FromValues_refuses_it()
    {
        Should.Throw<ArgumentException>(() => SortedDistribution.Of([1, 2, double.PositiveInfinity], 3));
    }
}
