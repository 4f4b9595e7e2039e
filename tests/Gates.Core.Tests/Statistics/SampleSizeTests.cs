using Gates.Core.Statistics;

namespace Gates.Core.Tests.Statistics;

public class SampleSizeTests
{
    // Reference: ceil(z² p(1 − p) / (p − t)²), z = scipy 1.10.1 stats.norm.ppf(1 − (1 − level) / 2); reference_values.py.
    [Theory]
    [InlineData(0.86, 0.85, 0.95, 4626)]
    [InlineData(0.07, 0.08, 0.95, 2501)]
    [InlineData(0.5, 0.4, 0.99, 166)]
    public void ForProportion_matches_formula(double p, double threshold, double level, long expected)
    {
        SampleSize.ForProportion(p, threshold, level).ShouldBe(expected);
    }

    [Fact]
    public void ForProportion_on_the_threshold_is_null()
    {
        SampleSize.ForProportion(0.85, 0.85, 0.95).ShouldBeNull();
    }

    [Fact]
    public void ForProportion_shrinks_as_the_margin_grows()
    {
        SampleSize.ForProportion(0.9, 0.85, 0.95)!.Value.ShouldBeLessThan(SampleSize.ForProportion(0.86, 0.85, 0.95)!.Value);
    }

    // Reference: ceil((z sd / margin)²) with scipy z; reference_values.py.
    [Theory]
    [InlineData(0.3, 0.05, 0.95, 139)]
    [InlineData(12.0, 1.5, 0.90, 174)]
    [InlineData(12.0, -1.5, 0.90, 174)]
    public void ForMean_matches_formula(double sd, double margin, double level, long expected)
    {
        SampleSize.ForMean(sd, margin, level).ShouldBe(expected);
    }

    [Fact]
    public void ForMean_at_least_two_and_null_without_margin()
    {
        SampleSize.ForMean(0, 0.1, 0.95).ShouldBe(2);
        SampleSize.ForMean(1, 0, 0.95).ShouldBeNull();
    }

    // Reference: Connor (1987) ceil((z_{1−α/2}√ψ + z_power√(ψ − δ²))² / δ²) with scipy z; reference_values.py.
    // The first two agree with the 1,200–2,000 pairs quoted for a 2-point drop at 6–10 % discordance.
    [Theory]
    [InlineData(0.06, 0.02, 0.95, 0.8, 1175)]
    [InlineData(0.10, 0.02, 0.95, 0.8, 1960)]
    [InlineData(0.2, -0.05, 0.99, 0.9, 1186)]
    public void ForPairedDifference_matches_Connor(double discordant, double difference, double level, double power, long expected)
    {
        SampleSize.ForPairedDifference(discordant, difference, level, power).ShouldBe(expected);
    }

    [Fact]
    public void ForPairedDifference_impossible_or_zero_difference()
    {
        SampleSize.ForPairedDifference(0.1, 0, 0.95, 0.8).ShouldBeNull();
        Should.Throw<ArgumentException>(() => SampleSize.ForPairedDifference(0.01, 0.02, 0.95, 0.8)).ParamName.ShouldBe("discordantRate");
    }

    // Reference: (z_{1−α/2} + z_power)·√(p(1 − p)/n) with scipy z; reference_values.py.
    [Theory]
    [InlineData(0.86, 200, 0.95, 0.8, 0.06873882163725352)]
    [InlineData(0.5, 1000, 0.95, 0.9, 0.051252861045605586)]
    [InlineData(0.02, 5000, 0.99, 0.8, 0.006766206857671644)]
    public void MinimumDetectableEffect_matches_formula(double p, long n, double level, double power, double expected)
    {
        SampleSize.MinimumDetectableEffect(p, n, level, power).ShouldBeNear(expected);
    }

    [Fact]
    public void MinimumDetectableEffect_shrinks_with_n_and_grows_with_power()
    {
        var small = SampleSize.MinimumDetectableEffect(0.8, 100, 0.95, 0.8);

        SampleSize.MinimumDetectableEffect(0.8, 400, 0.95, 0.8).ShouldBe(small / 2, 1e-12);
        SampleSize.MinimumDetectableEffect(0.8, 100, 0.95, 0.9).ShouldBeGreaterThan(small);
    }

    [Fact]
    public void BadInput_Throws()
    {
        Should.Throw<ArgumentException>(() => SampleSize.ForProportion(1.2, 0.5, 0.95)).ParamName.ShouldBe("p");
        Should.Throw<ArgumentException>(() => SampleSize.ForProportion(0.5, double.NaN, 0.95)).ParamName.ShouldBe("threshold");
        Should.Throw<ArgumentException>(() => SampleSize.ForMean(double.NaN, 0.1, 0.95)).ParamName.ShouldBe("sd");
        Should.Throw<ArgumentException>(() => SampleSize.ForMean(1, 0.1, 0)).ParamName.ShouldBe("level");
        Should.Throw<ArgumentException>(() => SampleSize.MinimumDetectableEffect(0.5, 0, 0.95, 0.8)).ParamName.ShouldBe("n");
        Should.Throw<ArgumentException>(() => SampleSize.MinimumDetectableEffect(0.5, -3, 0.95, 0.8)).ParamName.ShouldBe("n");
        Should.Throw<ArgumentException>(() => SampleSize.MinimumDetectableEffect(0.5, 10, 0.95, 1)).ParamName.ShouldBe("power");
        Should.Throw<ArgumentException>(() => SampleSize.ForPairedDifference(0.1, 0.05, 0.95, double.NaN)).ParamName.ShouldBe("power");
    }
}
