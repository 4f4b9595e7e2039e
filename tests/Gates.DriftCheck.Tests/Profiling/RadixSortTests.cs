using Gates.DriftCheck.Profiling;

namespace Gates.DriftCheck.Tests.Profiling;

public class RadixSortTests
{
    [Fact]
    public void Sorts_like_Array_Sort_with_negatives_zeros_ties_and_extremes()
    {
        var random = new Random(3);
        var values = new double[50_000];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (i % 7) switch
            {
                0 => -random.NextDouble() * 1e6,
                1 => random.NextDouble() * 1e-300,
                2 => Math.Round(random.NextDouble() * 10),
                3 => i % 2 == 0 ? 0.0 : -0.0,
                4 => double.MaxValue * (random.Next(2) == 0 ? 1 : -1),
                _ => random.NextDouble() - 0.5,
            };
        }

        var expected = (double[])values.Clone();
        Array.Sort(expected);

        RadixSort.Sort(values);

        values.ShouldBe(expected);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(50_000)]
    public void Sorts_ints_like_Array_Sort_with_negatives_and_extremes(int length)
    {
        var random = new Random(4);
        var values = new int[length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (i % 5) switch
            {
                0 => random.Next(int.MinValue, 0),
                1 => int.MaxValue - random.Next(3),
                2 => int.MinValue + 1 + random.Next(3),
                3 => random.Next(-50, 50),
                _ => random.Next(),
            };
        }

        var expected = (int[])values.Clone();
        Array.Sort(expected);
        var scratch = new int[length];

        var inScratch = RadixSort.Sort(values, scratch);

        (inScratch ? scratch : values).ShouldBe(expected);
    }
}
