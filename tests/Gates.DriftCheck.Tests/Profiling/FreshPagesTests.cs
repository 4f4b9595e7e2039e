using Gates.Core.Memory;
using Gates.DriftCheck.Profiling;

namespace Gates.DriftCheck.Tests.Profiling;

public class FreshPagesTests
{
    [Theory]
    [InlineData(0, 1 << 14)]
    [InlineData(1000, 5000)]
    [InlineData(60_000, 1 << 14)]
    [InlineData(10, 0)]
    public void Mapping_in_a_range_keeps_the_values_already_in_the_array(int start, int count)
    {
        var array = GC.AllocateUninitializedArray<double>(1 << 16);
        for (var i = 0; i < array.Length; i++)
        {
            array[i] = i * 0.5;
        }

        FreshPages.Populate(array, start, count);

        for (var i = 0; i < array.Length; i++)
        {
            array[i].ShouldBe(i * 0.5);
        }
    }

    [Fact]
    public void A_double_buffer_keeps_every_value_in_order_across_chunks_blocks_and_appends()
    {
        var first = new BlockBuffer<double>();
        var second = new BlockBuffer<double>();
        for (var i = 0; i < 150_000; i++)
        {
            first.Add(i);
        }

        for (var i = 150_000; i < 220_001; i++)
        {
            second.Add(i);
        }

        first.Append(second);
        for (var i = 220_001; i < 240_000; i++)
        {
            first.Add(i);
        }

        var values = new double[first.Count];
        first.DrainInto(values);

        second.Count.ShouldBe(0);
        values.ShouldBe(Enumerable.Range(0, 240_000).Select(i => (double)i).ToArray());
    }
}
