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
    public void For_KnownFormat_ReturnsItsRenderer(string format, Type expected) =>
        ReportRenderers.For(format).ShouldBeOfType(expected);

    [Fact]
    public void For_UnknownFormat_IsAUsageErrorListingTheFormats() =>
        Should.Throw<GateInputException>(() => ReportRenderers.For("html"))
            .Message.ShouldBe("--format: unknown format 'html'; expected text, markdown, json, junit");

    [Fact]
    public void Formats_MatchTheRenderersOwnNames() =>
        ReportRenderers.Formats.ShouldBe(["text", "markdown", "json", "junit"]);
}
