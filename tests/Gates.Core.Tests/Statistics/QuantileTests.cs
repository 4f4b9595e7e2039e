using Gates.Core.Statistics;

namespace Gates.Core.Tests.Statistics;

public class QuantileTests
{
    // Reference: numpy 1.24.2 numpy.quantile(x, p) with its default linear method; reference_values.py.
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.025, 1.075)]
    [InlineData(0.1, 1.3)]
    [InlineData(0.5, 3.0)]
    [InlineData(0.9, 6.600000000000001)]
    [InlineData(0.975, 8.399999999999999)]
    [InlineData(1.0, 9.0)]
    public void OfSorted_matches_numpy_linear(double p, double expected)
    {
        double[] sorted = [1.0, 1.5, 2.6, 3.0, 4.0, 5.0, 9.0];

        Quantile.OfSorted(sorted, p).ShouldBeNear(expected);
    }

    [Fact]
    public void OfSorted_is_monotone_in_p()
    {
        double[] sorted = [1.0, 1.5, 2.6, 3.0, 4.0, 5.0, 9.0];
        var previous = double.NegativeInfinity;
        for (var p = 0.0; p <= 1.0; p += 0.01)
        {
            var q = Quantile.OfSorted(sorted, p);
            q.ShouldBeGreaterThanOrEqualTo(previous);
            previous = q;
        }
    }
}
