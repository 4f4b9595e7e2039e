using System.Text;

namespace Gates.Core.Reporting;

/// <summary>
/// Escapes untrusted text for GitHub- and GitLab-flavoured Markdown, inline and inside table cells: HTML
/// (&amp; &lt; &gt;) becomes entities, table pipes and Markdown punctuation get a backslash, line breaks become
/// spaces, and @mentions and #123 references get a zero-width joiner so nobody is pinged or cross-linked.
/// </summary>
public static class MarkdownText
{
    /// <summary>U+200D ZERO WIDTH JOINER: invisible, but breaks the @mention and #reference syntax.</summary>
    public const char ZeroWidthJoiner = '\u200D';

    private const string BackslashEscaped = "\\`*_[]|~";

    public static string Escape(string? text)
    {
        var clean = UntrustedText.SingleLine(text);
        var builder = new StringBuilder(clean.Length + 8);
        for (var i = 0; i < clean.Length; i++)
        {
            var c = clean[i];
            var next = i + 1 < clean.Length ? clean[i + 1] : '\0';
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '@':
                    builder.Append('@').Append(ZeroWidthJoiner);
                    break;
                case '#' when char.IsAsciiDigit(next):
                    builder.Append('#').Append(ZeroWidthJoiner);
                    break;
                default:
                    if (BackslashEscaped.Contains(c))
                    {
                        builder.Append('\\');
                    }

                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }
}
