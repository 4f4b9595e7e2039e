using Gates.Core.Reporting;

namespace Gates.Core.Tests.Reporting;

public sealed class ReportRenderersTests
{
    [Theory]
    [InlineData("text", typeof(TextRenderer))]
    [InlineData("markdown", typeof(MarkdownRenderer))]
    [InlineData("json", typeof(JsonRenderer))]
    [InlineData("junit", typeof(JUnitRenderer))]
    [InlineData(" JSON ", typeof(JsonRenderer))]
    public void For_known_format_returns_its_renderer(string format, Type expected) =>
        ReportRenderers.For(format).ShouldBeOfType(expected);

    [Fact]
    public void For_unknown_format_is_a_usage_error_listing_the_formats() =>
        Should.Throw<GateInputException>(() => ReportRenderers.For("html"))
            .Message.ShouldBe("--format: unknown format 'html'; expected text, markdown, json, junit");

    [Fact]
    public void Formats_match_the_renderers_own_names() =>
        ReportRenderers.Formats.ShouldBe(["text", "markdown", "json", "junit"]);
}
