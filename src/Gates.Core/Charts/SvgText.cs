using System.Globalization;
using System.Net;
using System.Text;

namespace Gates.Core.Charts;

/// <summary>How the SVG writer spells text, numbers and ids: escaped, InvariantCulture, never NaN or infinity.</summary>
public static class SvgText
{
    /// <summary>Escapes text for an element or a quoted attribute (HTML and XML alike).</summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A coordinate: at most two decimals; a non-finite value is written as 0 (callers skip them first).</summary>
    public static string Coordinate(double value) =>
        double.IsFinite(value) ? Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture) : "0";

    /// <summary>A tick or label number: 0.001, 0.25, 12, 1500, 2.5E+6 (InvariantCulture).</summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value))
        {
            return "";
        }

        if (value == 0)
        {
            return "0";
        }

        var abs = Math.Abs(value);
        var format = abs < 0.0001 || abs >= 1e7 ? "0.##E+0" : abs >= 100 ? "0.#" : "0.####";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// An id (for a chart, an anchor) made from any name: letters, digits and '-' kept, anything else hex-encoded,
    /// so different names give different ids and the id is valid in HTML and as a url(#…) reference.
    /// </summary>
    public static string Id(string prefix, string name)
    {
        var b = new StringBuilder(prefix);
        foreach (var rune in name.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value == '-'))
            {
                b.Append((char)rune.Value);
            }
            else
            {
                b.Append('_').Append(rune.Value.ToString("x", CultureInfo.InvariantCulture)).Append('_');
            }
        }

        return b.ToString();
    }

    /// <summary>Cuts text to <paramref name="max"/> characters, ending with '…' when cut.</summary>
    public static string Shorten(string text, int max) => text.Length <= max ? text : text[..Math.Max(max - 1, 1)] + "…";
}
