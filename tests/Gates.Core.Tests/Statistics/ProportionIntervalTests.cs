using Gates.Core.Statistics;

namespace Gates.Core.Tests.Statistics;

public class ProportionIntervalTests
{
    // Reference: statsmodels 0.13.5 proportion_confint(k, n, alpha=1 - level, method='wilson'),
    // printed by reference_values.py in this folder.
    [Theory]
    [InlineData(172, 200, 0.95, 0.8051011913429243, 0.9013301736654437)]
    [InlineData(14, 200, 0.95, 0.042152171828342806, 0.11405480885610647)]
    [InlineData(0, 10, 0.95, 0.0, 0.2775327998628892)]
    [InlineData(10, 10, 0.95, 0.7224672001371107, 1.0)]
    [InlineData(1, 1, 0.95, 0.20654931437723745, 1.0)]
    [InlineData(0, 1, 0.95, 0.0, 0.7934506856227626)]
    [InlineData(5, 37, 0.90, 0.06735850396058893, 0.2526356920333437)]
    [InlineData(999, 1000, 0.99, 0.9915394337800183, 0.9998825836463816)]
    public void Wilson_matches_statsmodels(long k, long n, double level, double low, double high)
    {
        var interval = ProportionInterval.Wilson(k, n, level);

        interval.Low.ShouldBeNear(low);
        interval.High.ShouldBeNear(high);
        interval.Level.ShouldBe(level);
    }

    [Fact]
    public void Wilson_at_the_edges_stays_inside_zero_one()
    {
        ProportionInterval.Wilson(0, 10, 0.95).Low.ShouldBe(0);
        ProportionInterval.Wilson(10, 10, 0.95).High.ShouldBe(1);
    }

    // Reference: statsmodels 0.13.5 proportion_confint(k, n, alpha=1 - level, method='beta'), checked equal to
    // scipy 1.10.1 binomtest(k, n).proportion_ci(confidence_level=level, method='exact'); reference_values.py.
    [Theory]
    [InlineData(172, 200, 0.95, 0.8040547388803858, 0.9049124826409802)]
    [InlineData(14, 200, 0.95, 0.038795570429562824, 0.11465973353711054)]
    [InlineData(0, 10, 0.95, 0.0, 0.3084971078187608)]
    [InlineData(10, 10, 0.95, 0.6915028921812392, 1.0)]
    [InlineData(1, 1, 0.95, 0.025000000000000022, 1.0)]
    [InlineData(0, 1, 0.95, 0.0, 0.975)]
    [InlineData(5, 37, 0.90, 0.054792836993661755, 0.2633661100653958)]
    [InlineData(1, 100000, 0.95, 2.531780477933316e-07, 5.571516034774275e-05)]
    [InlineData(999, 1000, 0.99, 0.992593713061647, 0.9999949874707392)]
    [InlineData(1, 100000000, 0.95, 2.5317807981084946e-10, 5.571643258042459e-08)]
    [InlineData(2, 10000000, 0.99, 1.0349455138726269e-08, 9.273788715876641e-07)]
    [InlineData(99999999, 100000000, 0.95, 0.9999999442835674, 0.999999999746822)]
    public void ClopperPearson_matches_scipy_exact(long k, long n, double level, double low, double high)
    {
        var interval = ProportionInterval.ClopperPearson(k, n, level);

        // 1e-8: MathNet's regularized incomplete beta limits the far-tail bounds (n = 1e7) to about 2e-9 relative.
        interval.Low.ShouldBeNear(low, 1e-8);
        interval.High.ShouldBeNear(high, 1e-8);
        interval.Level.ShouldBe(level);
    }

    [Fact]
    public void ClopperPearson_is_wider_than_Wilson()
    {
        var exact = ProportionInterval.ClopperPearson(172, 200, 0.95);
        var wilson = ProportionInterval.Wilson(172, 200, 0.95);

        exact.Low.ShouldBeLessThan(wilson.Low);
        exact.High.ShouldBeGreaterThan(wilson.High);
    }

    [Theory]
    [InlineData(-1, 10, 0.95, "successes")]
    [InlineData(11, 10, 0.95, "successes")]
    [InlineData(0, 0, 0.95, "n")]
    [InlineData(0, -5, 0.95, "n")]
    [InlineData(5, 10, 0, "level")]
    [InlineData(5, 10, 1, "level")]
    [InlineData(5, 10, 95, "level")]
    [InlineData(5, 10, double.NaN, "level")]
    public void BadInput_throws_argument_exception_naming_the_argument(long k, long n, double level, string argument)
    {
        Should.Throw<ArgumentException>(() => ProportionInterval.Wilson(k, n, level)).ParamName.ShouldBe(argument);
        Should.Throw<ArgumentException>(() => ProportionInterval.ClopperPearson(k, n, level)).ParamName.ShouldBe(argument);
    }

    [Fact]
    public void BadInput_message_says_what_was_wrong()
    {
        var error = Should.Throw<ArgumentException>(() => ProportionInterval.Wilson(11, 10, 0.95));

        error.Message.ShouldContain("successes must be between 0 and n = 10, got 11");
    }
}
