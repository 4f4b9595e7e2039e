using System.Text;

namespace Gates.Core.Reporting;

/// <summary>
/// Cleans text that came from outside (metric names, reasons, model names) before any renderer prints it:
/// every control character becomes a space, so a value can never start a new line of output (where a CI log
/// would read it as a command), and lone surrogates become U+FFFD so the text is valid Unicode and XML.
/// </summary>
internal static class UntrustedText
{
    public static string SingleLine(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                builder.Append('\uFFFD');
            }
            else
            {
                builder.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c);
            }
        }

        return builder.ToString();
    }
}
