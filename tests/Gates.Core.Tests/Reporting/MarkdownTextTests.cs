using Gates.Core.Reporting;

namespace Gates.Core.Tests.Reporting;

public sealed class MarkdownTextTests
{
    private const char Zwj = MarkdownText.ZeroWidthJoiner;

    [Theory]
    [InlineData("plain words 0.85", "plain words 0.85")]
    [InlineData("a < b > c & d", "a &lt; b &gt; c &amp; d")]
    [InlineData("col|umn", "col\\|umn")]
    [InlineData("<!-- hidden -->", "&lt;!-- hidden --&gt;")]
    [InlineData("[link](http://x) `code` *em* _em_ ~s~", "\\[link\\](http://x) \\`code\\` \\*em\\* \\_em\\_ \\~s\\~")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("line\nbreak\r\ttab", "line break  tab")]
    [InlineData("#12 and #x", "#\u200D12 and #x")]
    public void Escape_UntrustedText_IsInert(string text, string expected) =>
        MarkdownText.Escape(text).ShouldBe(expected);

    [Fact]
    public void Escape_Mention_GetsAZeroWidthJoiner() =>
        MarkdownText.Escape("ping @org/team").ShouldBe($"ping @{Zwj}org/team");

    [Fact]
    public void Escape_Null_IsEmpty() => MarkdownText.Escape(null).ShouldBe("");

    [Fact]
    public void Escape_LoneSurrogate_BecomesReplacementCharacter() =>
        MarkdownText.Escape("bad\uD800end").ShouldBe("bad\uFFFDend");
}
