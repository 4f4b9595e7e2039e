using System.Globalization;
using Gates.DriftCheck.Profiling;

namespace Gates.DriftCheck.Tests.Profiling;

public class FastNumberTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("-0.0")]
    [InlineData("5.")]
    [InlineData(".5")]
    [InlineData("+12.25")]
    [InlineData("56.4791")]
    [InlineData("-1234567.123456789")]
    [InlineData("9007199254740992")]
    [InlineData("0.0000000000000000000001")]
    public void Decimals_parse_to_the_same_bits_as_double_Parse(string text)
    {
        FastNumber.TryParse(System.Text.Encoding.ASCII.GetBytes(text), out var value).ShouldBeTrue();

        BitConverter.DoubleToInt64Bits(value).ShouldBe(BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1e5")]
    [InlineData(" 1")]
    [InlineData("1.2.3")]
    [InlineData("NaN")]
    [InlineData("12345678901234567890")]
    [InlineData("9007199254740993")]
    [InlineData("0.12345678901234567890123")]
    public void Other_shapes_are_left_to_the_general_parser(string text)
    {
        FastNumber.TryParse(System.Text.Encoding.ASCII.GetBytes(text), out _).ShouldBeFalse();
    }

    [Fact]
    public void Random_decimals_of_up_to_17_digits_match_double_Parse()
    {
        var random = new Random(7);
        for (var i = 0; i < 200_000; i++)
        {
            var digits = random.Next(1, 18);
            var mantissa = (long)(random.NextDouble() * Math.Pow(10, digits));
            var scale = random.Next(0, digits + 1);
            var text = (random.Next(2) == 0 ? "-" : "") + (mantissa / Math.Pow(10, scale)).ToString("F" + scale, CultureInfo.InvariantCulture);
            if (FastNumber.TryParse(System.Text.Encoding.ASCII.GetBytes(text), out var value))
            {
                value.ShouldBe(double.Parse(text, CultureInfo.InvariantCulture), text);
            }
        }
    }
}
