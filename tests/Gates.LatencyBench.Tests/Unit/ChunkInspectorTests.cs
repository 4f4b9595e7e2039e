using System.Text;
using Gates.LatencyBench.Http;

namespace Gates.LatencyBench.Tests.Unit;

public class ChunkInspectorTests
{
    private static ChunkInfo Inspect(string json) => ChunkInspector.Inspect(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void A_role_only_chunk_has_choices_but_no_output()
    {
        var c = Inspect("""{"choices":[{"index":0,"delta":{"role":"assistant","content":""}}]}""");
        c.HasChoices.ShouldBeTrue();
        c.HasOutput.ShouldBeFalse();
    }

    [Theory]
    [InlineData("""{"choices":[{"delta":{"content":"Hi"}}]}""")]
    [InlineData("""{"choices":[{"delta":{"reasoning_content":"think"}}]}""")]
    [InlineData("""{"choices":[{"delta":{"reasoning":"think"}}]}""")]
    [InlineData("""{"choices":[{"text":"Hi","index":0}]}""")]
    [InlineData("""{"choices":[{"delta":{"tool_calls":[{"index":0}]}}]}""")]
    [InlineData("""{"choices":[{"message":{"content":"whole answer"}}]}""")]
    public void Content_reasoning_text_and_tool_calls_are_output(string json) => Inspect(json).HasOutput.ShouldBeTrue();

    [Fact]
    public void Reads_usage_and_finish_reason()
    {
        Inspect("""{"choices":[],"usage":{"prompt_tokens":12,"completion_tokens":40}}""").ShouldSatisfyAllConditions(
            c => c.CompletionTokens.ShouldBe(40),
            c => c.PromptTokens.ShouldBe(12),
            c => c.HasChoices.ShouldBeFalse());
        Inspect("""{"choices":[{"delta":{"content":"."},"finish_reason":"stop"}],"usage":null}""").Finished.ShouldBeTrue();
    }

    [Fact]
    public void Reads_error_objects() =>
        Inspect("""{"error":{"message":"out of memory","code":500}}""").Error.ShouldBe("out of memory");

    [Fact]
    public void Invalid_json_is_a_malformed_stream() =>
        Should.Throw<MalformedStreamException>(() => Inspect("{\"choices\": [")).Message.ShouldContain("invalid JSON");
}
