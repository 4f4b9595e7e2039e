using Gates.Core.Statistics;

namespace Gates.Core.Tests.Statistics;

public class MeanIntervalTests
{
    private static readonly double[] Scores = [0.9, 0.75, 1.0, 0.6, 0.85, 0.95, 0.7, 0.8];

    // Reference: scipy 1.10.1 stats.t.interval(level, n - 1, loc=mean, scale=sd / sqrt(n)); reference_values.py.
    [Theory]
    [InlineData(0.72, 0.31, 50, 0.95, 0.6318989749120643, 0.8081010250879357)]
    [InlineData(10.0, 2.0, 2, 0.95, -7.969287064551526, 27.969287064551526)]
    [InlineData(-3.5, 12.25, 1000, 0.99, -4.499732122031469, -2.5002678779685303)]
    public void Student_matches_scipy(double mean, double sd, long n, double level, double low, double high)
    {
        var interval = MeanInterval.Student(mean, sd, n, level);

        interval.Low.ShouldBeNear(low);
        interval.High.ShouldBeNear(high);
    }

    [Fact]
    public void Student_from_values_matches_scipy()
    {
        // Reference: numpy mean / std(ddof=1) = 0.81875 / 0.1334634781503914, then scipy stats.t.interval(0.95, 7, ...).
        var interval = MeanInterval.Student(Scores, 0.95);

        interval.Low.ShouldBeNear(0.7071717400202884);
        interval.High.ShouldBeNear(0.9303282599797116);
        interval.Level.ShouldBe(0.95);
    }

    [Fact]
    public void Student_all_equal_values_is_a_point()
    {
        var interval = MeanInterval.Student([0.5, 0.5, 0.5], 0.95);

        interval.Low.ShouldBe(0.5);
        interval.High.ShouldBe(0.5);
    }

    [Fact]
    public void Student_one_value_throws()
    {
        Should.Throw<ArgumentException>(() => MeanInterval.Student([0.5], 0.95)).Message.ShouldContain("at least 2 values");
        Should.Throw<ArgumentException>(() => MeanInterval.Student(0.5, 0.1, 1, 0.95)).ParamName.ShouldBe("n");
    }

    [Theory]
    [InlineData(double.NaN, 0.1, "mean")]
    [InlineData(0.5, double.NaN, "sd")]
    [InlineData(0.5, -0.1, "sd")]
    [InlineData(0.5, double.PositiveInfinity, "sd")]
    public void Student_bad_input_throws(double mean, double sd, string argument)
    {
        Should.Throw<ArgumentException>(() => MeanInterval.Student(mean, sd, 10, 0.95)).ParamName.ShouldBe(argument);
    }

    // Reference: scipy 1.10.1 stats.norm.interval(level, loc=value, scale=stderr); reference_values.py.
    [Theory]
    [InlineData(0.5, 0.1, 0.95, 0.3040036015459946, 0.6959963984540054)]
    [InlineData(0.5, 0.1, 0.8, 0.3718448434455399, 0.6281551565544601)]
    public void Normal_matches_scipy(double value, double stderr, double level, double low, double high)
    {
        var interval = MeanInterval.Normal(value, stderr, level);

        interval.Low.ShouldBeNear(low);
        interval.High.ShouldBeNear(high);
    }

    [Fact]
    public void Normal_zero_standard_error_is_a_point()
    {
        MeanInterval.Normal(12, 0, 0.95).ShouldBe(new Gates.Core.Results.Interval(12, 12, 0.95));
    }

    [Fact]
    public void Normal_bad_input_throws()
    {
        Should.Throw<ArgumentException>(() => MeanInterval.Normal(double.NaN, 0.1, 0.95)).ParamName.ShouldBe("value");
        Should.Throw<ArgumentException>(() => MeanInterval.Normal(0.5, -1, 0.95)).ParamName.ShouldBe("stderr");
        Should.Throw<ArgumentException>(() => MeanInterval.Normal(0.5, 0.1, 1.5)).ParamName.ShouldBe("level");
    }
}
