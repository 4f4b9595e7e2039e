using System.Text;
using Gates.EvalGate.Results;

namespace Gates.EvalGate.Tests.Results;

public class NonFiniteTokensTests
{
    [Theory]
    [InlineData("""{"a": NaN, "b": [Infinity, -Infinity]}""", """{"a": "NaN", "b": ["Infinity", "-Infinity"]}""")]
    [InlineData("""{"text": "NaN \" Infinity", "x": NaN}""", """{"text": "NaN \" Infinity", "x": "NaN"}""")]
    public void Bare_tokens_are_quoted_and_strings_left_alone(string json, string expected)
    {
        var quoted = NonFiniteTokens.Quote(Encoding.UTF8.GetBytes(json));

        Encoding.UTF8.GetString(quoted.ShouldNotBeNull()).ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{"a": 1}""")]
    [InlineData("""{"a": "NaN"}""")]
    public void Json_without_bare_tokens_is_not_copied(string json)
    {
        NonFiniteTokens.Quote(Encoding.UTF8.GetBytes(json)).ShouldBeNull();
    }
}
