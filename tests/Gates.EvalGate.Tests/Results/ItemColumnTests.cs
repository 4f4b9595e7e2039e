using Gates.EvalGate.Results.Jsonl;

namespace Gates.EvalGate.Tests.Results;

/// <summary>The compact per-item column gives each item's sum, runs and mean exactly as a plain list of sums and counts.</summary>
public class ItemColumnTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    public void Values_and_runs_equal_those_of_plain_sums_and_counts(int seed, bool repeats)
    {
        var random = new Random(seed);
        var column = new ItemColumn();
        var sums = new double[5000];
        var counts = new int[5000];
        // Without repeats each item once, in shuffled order and with some left out; with repeats, items drawn at random.
        var order = Enumerable.Range(0, 5000).OrderBy(_ => random.Next()).Take(4000).ToArray();
        for (var step = 0; step < (repeats ? 8000 : order.Length); step++)
        {
            var item = repeats ? random.Next(5000) : order[step];
            // 0/1 first (the two-bit form), then other values from a seed-dependent step on.
            var value = step < 1000 + (1000 * seed) ? random.Next(2) : Math.Round((random.NextDouble() * 4) - 2, 3);
            column.Set(item, value);
            sums[item] += value;
            counts[item]++;
        }

        column.Count.ShouldBe(counts.Count(c => c > 0));
        for (var i = 0; i < sums.Length; i++)
        {
            column.Has(i).ShouldBe(counts[i] > 0);
            column.Runs(i).ShouldBe(counts[i]);
            if (counts[i] > 0)
            {
                column.Sum(i).ShouldBe(sums[i]);
                column.Value(i).ShouldBe(sums[i] / counts[i]);
            }
        }
    }

    [Fact]
    public void A_negative_zero_reads_back_as_the_zero_a_sum_from_zero_gives()
    {
        var bits = new ItemColumn();
        bits.Set(0, -0.0);
        var full = new ItemColumn();
        full.Set(0, 0.5);
        full.Set(1, -0.0);

        double.IsNegative(bits.Value(0)).ShouldBeFalse();
        double.IsNegative(full.Value(1)).ShouldBeFalse();
        bits.ZeroOne.ShouldBeTrue();
        full.ZeroOne.ShouldBeFalse();
    }

    [Fact]
    public void Items_far_apart_and_a_second_run_keep_their_values()
    {
        var column = new ItemColumn();
        column.Set(3, 1);
        column.Set(70_000, 0);
        column.Set(3, 0);
        column.Set(200_000, 2.5);

        (column.Value(3), column.Runs(3), column.Value(70_000), column.Runs(70_000), column.Value(200_000)).ShouldBe((0.5, 2, 0.0, 1, 2.5));
        column.Has(4).ShouldBeFalse();
        column.Has(300_000).ShouldBeFalse();
        column.Count.ShouldBe(3);
        column.Length.ShouldBe(200_001);
    }
}
