using System.Text;
using Gates.DriftCheck.Profiling;

namespace Gates.DriftCheck.Tests.Profiling;

public class TextStatisticsTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("plain ascii", 11)]
    [InlineData("café", 4)]
    [InlineData("日本語", 3)]
    [InlineData("a😀b", 3)]
    public void Characters_are_counted_as_code_points_on_the_ascii_path_and_the_utf8_path(string text, int expected) =>
        ColumnAccumulator.CharCount(Encoding.UTF8.GetBytes(text)).ShouldBe(expected);

    [Fact]
    public void Text_lengths_short_and_long_are_counted_and_joined_across_parts()
    {
        var first = Column();
        var second = Column();
        string[] values = ["ab", "ab", new string('z', 300), "é", new string('y', 255), new string('w', 256)];
        foreach (var (value, i) in values.Select((v, i) => (v, i)))
        {
            (i < 3 ? first : second).Add(Encoding.UTF8.GetBytes(value), i + 1);
        }

        first.Append(second, 3);

        first.TextLengths.OrderBy(e => e.Key).Select(e => (e.Key, e.Value)).ShouldBe([(1, 1L), (2, 2L), (255, 1L), (256, 1L), (300, 1L)]);
        first.TextChars.ShouldBe(2 + 2 + 300 + 1 + 255 + 256);
        first.TextCells.ShouldBe(6);
    }

    private static ColumnAccumulator Column() => new("t", MissingValues.Default, 1 << 20, 100_000);
}
