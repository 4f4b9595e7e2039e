using Gates.Core.Statistics.Drift;
using Gates.DriftCheck.Profiling;

namespace Gates.DriftCheck.Tests.Profiling;

public class NumberSketchTests
{
    [Fact]
    public void Below_the_limit_the_numbers_are_kept_exactly()
    {
        var values = TestData.Normal(1, 30_000);
        var sketch = new NumberSketch(50_000);
        foreach (var v in values)
        {
            sketch.Add(v);
        }

        var (distribution, moments, error) = sketch.Finish();

        error.ShouldBe(0);
        distribution!.IsExact.ShouldBeTrue();
        distribution.Values.ShouldBe(values.Order().ToArray());
        moments.Mean.ShouldBe(values.Average(), 1e-12);
    }

    [Fact]
    public void Past_the_limit_the_CDF_stays_within_the_stated_bound_and_moments_stay_exact()
    {
        var values = TestData.Normal(2, 1_000_000, 3, 2);
        var sketch = new NumberSketch(20_000);
        foreach (var v in values)
        {
            sketch.Add(v);
        }

        var (distribution, moments, error) = sketch.Finish();
        var exact = EmpiricalDistribution.FromValues((double[])values.Clone());

        distribution!.IsExact.ShouldBeFalse();
        distribution.SampleSize.ShouldBe(1_000_000);
        distribution.Min.ShouldBe(exact.Min);
        distribution.Max.ShouldBe(exact.Max);
        error.ShouldBeGreaterThan(0);
        error.ShouldBeLessThanOrEqualTo((Math.Floor(Math.Log2(1_000_000 / 20_000.0)) + 1) / (NumberSketch.Points - 1));
        MaxCdfGap(distribution, exact).ShouldBeLessThanOrEqualTo(error + 1e-12);
        moments.Mean.ShouldBe(values.Average(), 1e-9);
        moments.PopulationStandardDeviation.ShouldBe(Moments.Of(values).PopulationStandardDeviation, 1e-9);
    }

    [Fact]
    public void Appending_parts_gives_the_exact_numbers_of_the_whole()
    {
        var values = TestData.Normal(3, 10_000);
        var (first, second) = (new NumberSketch(50_000), new NumberSketch(50_000));
        foreach (var v in values.Take(4000))
        {
            first.Add(v);
        }

        foreach (var v in values.Skip(4000))
        {
            second.Add(v);
        }

        first.Append(second);
        var (distribution, _, error) = first.Finish();

        error.ShouldBe(0);
        distribution!.Values.ShouldBe(values.Order().ToArray());
        second.Count.ShouldBe(0);
    }

    internal static double MaxCdfGap(EmpiricalDistribution a, EmpiricalDistribution b)
    {
        var gap = 0.0;
        foreach (var x in a.Values.Concat(b.Values))
        {
            gap = Math.Max(gap, Math.Abs(a.Cdf(x) - b.Cdf(x)));
        }

        return gap;
    }
}
