using Gates.EvalGate.Results;

namespace Gates.EvalGate.Tests.Results;

public class NameSuggestionsTests
{
    private static readonly string[] Names = ["groundedness_score", "hallucination_rate", "hellaswag.acc,none", "hellaswag.acc_norm,none", "latency_p95_ms"];

    [Theory]
    [InlineData("Groundedness_Score", "groundedness_score")]
    [InlineData("groundedness", "groundedness_score")]
    [InlineData("halucination_rate", "hallucination_rate")]
    [InlineData("hellaswag.acc", "hellaswag.acc,none")]
    public void The_closest_name_comes_first(string wanted, string best)
    {
        NameSuggestions.For(wanted, Names)[0].ShouldBe(best);
    }

    [Fact]
    public void Unrelated_names_suggest_nothing()
    {
        NameSuggestions.For("toxicity", Names).ShouldBeEmpty();
    }
}
