using System.Text.RegularExpressions;

namespace Gates.ManifestBump.Yaml;

/// <summary>What a plain (unquoted) scalar means to a YAML loader, and whether a string can be written plain.</summary>
internal static partial class PlainScalars
{
    public enum Kind
    {
        Null,
        Bool,
        Int,
        Float,
        String,
    }

    /// <summary>The type a loader gives this plain text (YAML 1.2 core schema plus the YAML 1.1 forms Kubernetes tools still read).</summary>
    public static Kind KindOf(string plain) => plain switch
    {
        "" or "~" or "null" or "Null" or "NULL" => Kind.Null,
        _ when BoolPattern().IsMatch(plain) => Kind.Bool,
        _ when IntPattern().IsMatch(plain) => Kind.Int,
        _ when FloatPattern().IsMatch(plain) => Kind.Float,
        _ => Kind.String,
    };

    /// <summary>True when <paramref name="value"/> written without quotes reads back as exactly this string.</summary>
    public static bool CanWritePlain(string value, bool inFlow)
    {
        if (value.Length == 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return false;
        }

        if (value.Any(c => char.IsControl(c) || c == '\uFEFF'))
        {
            return false;
        }

        var first = value[0];
        if ("[]{},#&*!|>'\"%@`".Contains(first))
        {
            return false;
        }

        if (first is '-' or '?' or ':' && (value.Length == 1 || value[1] == ' '))
        {
            return false;
        }

        if (value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal) || value.EndsWith(':'))
        {
            return false;
        }

        if (value is "---" or "..." || value.StartsWith("--- ", StringComparison.Ordinal))
        {
            return false;
        }

        return !inFlow || value.IndexOfAny([',', '[', ']', '{', '}']) < 0;
    }

    [GeneratedRegex("^(true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$")]
    private static partial Regex BoolPattern();

    [GeneratedRegex("^([-+]?(0|[1-9][0-9_]*)|[-+]?0[0-7_]+|0o[0-7]+|[-+]?0x[0-9a-fA-F_]+|[-+]?0b[01_]+)$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex FloatPattern();
}
