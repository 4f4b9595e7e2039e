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
}
