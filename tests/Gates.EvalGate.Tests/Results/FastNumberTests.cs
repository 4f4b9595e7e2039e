using System.Globalization;
using System.Text;
using Gates.EvalGate.Results.Jsonl;

namespace Gates.EvalGate.Tests.Results;

public class FastNumberTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("17")]
    [InlineData("0.1")]
    [InlineData("-0.000123")]
    [InlineData("0.4731")]
    [InlineData("2732")]
    [InlineData("123456789012345")]
    [InlineData("9007199.254740993")]
    [InlineData("0.30000000000000004")]
    public void Simple_decimals_parse_exactly_like_the_general_parser(string text)
    {
        var parsed = FastNumber.TryParse(Encoding.ASCII.GetBytes(text), out var value);

        if (parsed)
        {
            value.ShouldBe(double.Parse(text, CultureInfo.InvariantCulture));
        }
        else
        {
            text.Count(char.IsDigit).ShouldBeGreaterThan(15, "only long mantissas fall back");
        }
    }

    [Theory]
    [InlineData("1e5")]
    [InlineData("2.5E-3")]
    [InlineData("1234567890123456")]
    public void Exponents_and_long_mantissas_fall_back(string text)
    {
        FastNumber.TryParse(Encoding.ASCII.GetBytes(text), out _).ShouldBeFalse();
    }

    [Fact]
    public void Random_decimals_agree_with_the_general_parser()
    {
        var random = new Random(3);
        for (var i = 0; i < 20_000; i++)
        {
            var text = Math.Round((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(0, 8)), random.Next(0, 8)).ToString("R", CultureInfo.InvariantCulture);
            if (FastNumber.TryParse(Encoding.ASCII.GetBytes(text), out var value))
            {
                value.ShouldBe(double.Parse(text, CultureInfo.InvariantCulture), text);
            }
        }
    }
}
