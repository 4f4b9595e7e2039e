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
    public void Escape_untrusted_text_is_inert(string text, string expected) =>
        MarkdownText.Escape(text).ShouldBe(expected);

    [Fact]
    public void Escape_mention_gets_a_zero_width_joiner() =>
        MarkdownText.Escape("ping @org/team").ShouldBe($"ping @{Zwj}org/team");

    [Fact]
    public void Escape_null_is_empty() => MarkdownText.Escape(null).ShouldBe("");

    [Fact]
    public void Escape_lone_surrogate_becomes_replacement_character() =>
        MarkdownText.Escape("bad\uD800end").ShouldBe("bad\uFFFDend");
}
