using System.Globalization;
using System.Text;

namespace Gates.Core.Reporting.Mermaid;

/// <summary>
/// Makes text and numbers safe inside a mermaid diagram in a Markdown code fence. Labels keep only letters, digits,
/// spaces and the marks <c>- _ . : / ( ) +</c> (&lt;, &gt; and % become the words below, above and pct), so no quote,
/// bracket, comma, semicolon, backtick, hash (mermaid's entity start), percent sign (its comment and directive start),
/// brace or line break from an untrusted name can end a string, start a statement, close the fence or inject a
/// directive. Numbers are finite, invariant and plain
/// (no exponent), which is what the xychart grammar reads.
/// </summary>
public static class MermaidText
{
    /// <summary>Longest label kept; longer ones end with an ellipsis.</summary>
    public const int MaxLabelLength = 60;

    private const string Allowed = " -_.:/()+";

    /// <summary>A quoted label: <c>"p99.9"</c>; unsafe characters become spaces, runs of spaces one.</summary>
    public static string Label(string? text) => "\"" + Clean(text) + "\"";

    /// <summary>The label's text without quotes (for captions that repeat it outside the diagram).</summary>
    public static string Clean(string? text)
    {
        var builder = new StringBuilder();
        foreach (var rune in (text ?? "").EnumerateRunes())
        {
            var keep = Rune.IsLetterOrDigit(rune) || (rune.IsAscii && Allowed.Contains((char)rune.Value, StringComparison.Ordinal));
            var c = keep ? rune.ToString() : rune.Value switch
            {
                '<' => " below ",
                '>' => " above ",
                '%' => " pct ",
                _ => " ",
            };
            if (c == " " && (builder.Length == 0 || builder[^1] == ' '))
            {
                continue;
            }

            builder.Append(c);
        }

        var clean = string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (clean.Length > MaxLabelLength)
        {
            var cut = MaxLabelLength - 1;
            if (char.IsLowSurrogate(clean[cut]))
            {
                cut--;
            }

            clean = clean[..cut].TrimEnd() + "…";
        }

        return clean.Length == 0 ? "-" : clean;
    }

    /// <summary>A finite number with at most <paramref name="significant"/> significant digits, no exponent: 1234.5, 0.0012, -3.</summary>
    public static string Number(double value, int significant = 4)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "a mermaid chart takes finite numbers only");
        }

        if (value == 0)
        {
            return "0";
        }

        var magnitude = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        var decimals = Math.Clamp(significant - 1 - magnitude, 0, 15);
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        var text = rounded.ToString("0." + new string('#', Math.Max(decimals, 1)), CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }
}
