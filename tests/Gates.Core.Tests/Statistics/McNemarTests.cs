using Gates.Core.Statistics;

namespace Gates.Core.Tests.Statistics;

public class McNemarTests
{
    // Reference: statsmodels 0.13.5 mcnemar([[a, b], [c, d]], exact=True).pvalue, equal to scipy 1.10.1
    // stats.binomtest(b, b + c, 0.5).pvalue; reference_values.py.
    [Theory]
    [InlineData(1, 7, 0.0703125)]
    [InlineData(0, 5, 0.0625)]
    [InlineData(3, 3, 1.0)]
    [InlineData(10, 14, 0.5412561893463135)]
    [InlineData(0, 24, 1.1920928955078125e-07)]
    public void Test_few_discordant_pairs_uses_exact_binomial(long b, long c, double p)
    {
        var result = McNemar.Test(b, c, 300, 0.95);

        result.PValue.ShouldBeNear(p);
        result.Method.ShouldBe(McNemar.ExactMethod);
    }

    // Reference: statsmodels 0.13.5 mcnemar([[a, b], [c, d]], exact=False, correction=True).pvalue, which is
    // scipy stats.chi2.sf((|b − c| − 1)² / (b + c), 1); reference_values.py.
    [Theory]
    [InlineData(12, 13, 1.0)]
    [InlineData(20, 40, 0.014171388254012323)]
    [InlineData(150, 86, 4.114562281345944e-05)]
    [InlineData(30, 30, 0.897278961260083)]
    [InlineData(5, 200, 7.971979037901145e-42)]
    public void Test_many_discordant_pairs_uses_corrected_chi_square(long b, long c, double p)
    {
        var result = McNemar.Test(b, c, 1600, 0.95);

        result.PValue.ShouldBeNear(p);
        result.Method.ShouldBe(McNemar.ChiSquareMethod);
    }

    [Fact]
    public void Test_reports_counts_difference_and_Tango_interval()
    {
        var result = McNemar.Test(baselineOnly: 20, currentOnly: 40, n: 160, level: 0.95);

        result.B.ShouldBe(20);
        result.C.ShouldBe(40);
        result.N.ShouldBe(160);
        result.Difference.ShouldBe(0.125);
        result.Interval.ShouldBe(PairedProportionInterval.Tango(20, 40, 160, 0.95));
        result.IntervalMethod.ShouldBe(McNemar.TangoMethod);
        result.Interval.Contains(result.Difference).ShouldBeTrue();
    }

    [Fact]
    public void Test_no_discordant_pairs_p_value_is_one()
    {
        var result = McNemar.Test(0, 0, 50, 0.95);

        result.PValue.ShouldBe(1);
        result.Method.ShouldBe(McNemar.NoDiscordantMethod);
        result.Difference.ShouldBe(0);
        result.Interval.Low.ShouldBeLessThan(0);
        result.Interval.High.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Test_is_symmetric_in_direction()
    {
        var worse = McNemar.Test(20, 5, 100, 0.95);
        var better = McNemar.Test(5, 20, 100, 0.95);

        worse.PValue.ShouldBe(better.PValue);
        worse.Difference.ShouldBe(-better.Difference);
        worse.Interval.Low.ShouldBe(-better.Interval.High, 1e-12);
    }

    [Fact]
    public void Test_switches_to_chi_square_at_twenty_five_discordant_pairs()
    {
        McNemar.Test(10, 14, 100, 0.95).Method.ShouldBe(McNemar.ExactMethod);
        McNemar.Test(10, 15, 100, 0.95).Method.ShouldBe(McNemar.ChiSquareMethod);
    }

    [Theory]
    [InlineData(-1, 0, 10, 0.95, "baselineOnly")]
    [InlineData(0, -1, 10, 0.95, "currentOnly")]
    [InlineData(0, 0, 0, 0.95, "n")]
    [InlineData(6, 5, 10, 0.95, "n")]
    [InlineData(1, 1, 10, 0, "level")]
    [InlineData(1, 1, 10, double.NaN, "level")]
    public void Test_bad_input_throws(long b, long c, long n, double level, string argument)
    {
        Should.Throw<ArgumentException>(() => McNemar.Test(b, c, n, level)).ParamName.ShouldBe(argument);
    }
}
