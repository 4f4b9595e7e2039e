using Gates.Core.Statistics;

namespace Gates.Core.Tests.Statistics;

public class PairedProportionIntervalTests
{
    // Reference: an independent implementation of Tango's (1998) score interval in Python, solved with scipy 1.10.1
    // optimize.brentq (this code uses bisection); reference_values.py. The first row is the airway data of
    // Fagerland, Lydersen & Laake (2014), Table II (n12 = 1, n21 = 7, N = 21), seen from the other side.
    [Theory]
    [InlineData(7, 1, 21, 0.95, -0.5172322764213773, -0.026003032480868566)]
    [InlineData(1, 7, 21, 0.95, 0.026003032480868535, 0.5172322764213774)]
    [InlineData(40, 20, 160, 0.95, -0.2180642441668248, -0.03086453313308692)]
    [InlineData(0, 0, 50, 0.95, -0.07134759913335875, 0.07134759913335877)]
    [InlineData(0, 0, 1, 0.95, -0.7934506856227628, 0.7934506856227626)]
    [InlineData(86, 150, 1600, 0.95, 0.021361564754787232, 0.058998033305699416)]
    [InlineData(0, 10, 10, 0.95, 0.44493440027422143, 1.0)]
    [InlineData(10, 0, 10, 0.95, -1.0, -0.44493440027422143)]
    [InlineData(3, 9, 200, 0.90, 0.0016921725907548786, 0.06284882630402558)]
    public void Tango_matches_reference(long b, long c, long n, double level, double low, double high)
    {
        var interval = PairedProportionInterval.Tango(b, c, n, level);

        interval.Low.ShouldBeNear(low);
        interval.High.ShouldBeNear(high);
        interval.Level.ShouldBe(level);
    }

    [Theory]
    [InlineData(7, 1, 21)]
    [InlineData(150, 86, 1600)]
    [InlineData(0, 3, 5)]
    public void Score_at_zero_is_McNemars_uncorrected_z(long b, long c, long n)
    {
        // A defining property of Tango's statistic: under "no difference" it reduces to (c − b) / √(b + c).
        PairedProportionInterval.Score(b, c, n, 0).ShouldBeNear((c - b) / Math.Sqrt(b + c));
    }

    [Fact]
    public void Tango_at_the_bounds_solves_the_score_equation()
    {
        var interval = PairedProportionInterval.Tango(40, 20, 160, 0.95);

        PairedProportionInterval.Score(40, 20, 160, interval.Low).ShouldBe(1.959963984540054, 1e-6);
        PairedProportionInterval.Score(40, 20, 160, interval.High).ShouldBe(-1.959963984540054, 1e-6);
    }

    [Fact]
    public void Tango_stays_within_minus_one_to_one()
    {
        for (var c = 0; c <= 12; c++)
        {
            var interval = PairedProportionInterval.Tango(12 - c, c, 12, 0.99);

            interval.Low.ShouldBeGreaterThanOrEqualTo(-1);
            interval.High.ShouldBeLessThanOrEqualTo(1);
            interval.Contains((c - (12.0 - c)) / 12).ShouldBeTrue();
        }
    }
}
