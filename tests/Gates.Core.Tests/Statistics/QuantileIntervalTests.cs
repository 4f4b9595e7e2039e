using Gates.Core.Statistics;
using Shouldly;

namespace Gates.Core.Tests.Statistics;

public class QuantileIntervalTests
{
    [Fact]
    public void The_median_of_100_is_bounded_by_the_40th_and_61st_values()
    {
        // The textbook distribution-free 95% interval for the median at n = 100 (e.g. Conover, table A3).
        QuantileInterval.Ranks(100, 0.5, 0.95).ShouldBe((40L, 61L));
    }

    [Fact]
    public void Too_few_samples_leave_the_upper_side_of_a_tail_percentile_unbounded()
    {
        // With 50 values the chance that none of them exceeds the true p99 is 0.99^50 = 0.61: no order statistic bounds it.
        QuantileInterval.Ranks(50, 0.99, 0.95).High.ShouldBeNull();
    }

    [Theory]
    [InlineData(200, 0.95)]
    [InlineData(1000, 0.99)]
    [InlineData(5000, 0.5)]
    public void Coverage_holds_in_a_seeded_simulation(int n, double p)
    {
        var (low, high) = QuantileInterval.Ranks(n, p, 0.95);
        var random = new Random(42);
        var covered = 0;
        const int runs = 2000;
        var truth = -Math.Log(1 - p); // the p-quantile of Exponential(1)
        var values = new double[n];
        for (var run = 0; run < runs; run++)
        {
            for (var i = 0; i < n; i++)
            {
                values[i] = -Math.Log(1 - random.NextDouble());
            }

            Array.Sort(values);
            if (values[low!.Value - 1] <= truth && truth <= values[high!.Value - 1])
            {
                covered++;
            }
        }

        ((double)covered / runs).ShouldBeGreaterThan(0.935);
    }

    [Fact]
    public void Large_samples_give_narrow_ranks_around_n_times_p()
    {
        var (low, high) = QuantileInterval.Ranks(1_000_000, 0.95, 0.95);

        low!.Value.ShouldBeInRange(949_500, 950_000);
        high!.Value.ShouldBeInRange(950_000, 950_500);
    }
}
