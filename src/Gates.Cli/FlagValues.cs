using System.Globalization;
using Gates.Core;
using Gates.Core.Text;

namespace Gates.Cli;

/// <summary>
/// Parses flag values the same way in every tool: numbers in the invariant culture and finite, whole numbers,
/// durations, http(s) URLs, paths and key=value lists. An absent value (null or blank) gives null; a bad one is an
/// input error (exit 2) worded as <c>--flag: 'value' is not … (also read from GATES_FLAG)</c>.
/// </summary>
public static class FlagValues
{
    /// <summary>The one wording of a bad flag value.</summary>
    public static GateInputException Invalid(string flag, string value, string expected) =>
        new($"{flag}: '{value}' is not {expected} (also read from {EnvOption.VariableFor(flag)})");

    /// <summary>A finite number from <paramref name="min"/> to <paramref name="max"/> (both included).</summary>
    public static double? Number(string? text, string flag, double min = double.MinValue, double max = double.MaxValue)
    {
        if (Absent(text))
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) && n >= min && n <= max
            ? n
            : throw Invalid(flag, text!, NumberRange(min, max));
    }

    /// <summary>A finite number greater than 0.</summary>
    public static double? Positive(string? text, string flag)
    {
        if (Absent(text))
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) && n > 0
            ? n
            : throw Invalid(flag, text!, "a number greater than 0");
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/> (default: a positive whole number).</summary>
    public static int? Int(string? text, string flag, int min = 1, int max = int.MaxValue) =>
        (int?)Long(text, flag, min, max);

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/> (default: a positive whole number).</summary>
    public static long? Long(string? text, string flag, long min = 1, long max = long.MaxValue)
    {
        if (Absent(text))
        {
            return null;
        }

        return long.TryParse(text!.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw Invalid(flag, text, WholeRange(min, max));
    }

    /// <summary>A duration such as 500ms, 30s, 15m, 1h or 1m30s (a bare number is seconds), shorter than a week.</summary>
    public static TimeSpan? Duration(string? text, string flag, bool positive = false)
    {
        if (Absent(text))
        {
            return null;
        }

        return DurationText.TryParse(text, out var value) && value < TimeSpan.FromDays(7) && (!positive || value > TimeSpan.Zero)
            ? value
            : throw Invalid(flag, text!, (positive ? "a duration longer than 0" : "a duration") + " (examples: 500ms, 30s, 5m, 1h, 1m30s)");
    }

    /// <summary>An absolute http or https URL.</summary>
    public static Uri? Url(string? text, string flag)
    {
        if (Absent(text))
        {
            return null;
        }

        return Uri.TryCreate(text!.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw Invalid(flag, text, "an absolute http(s) URL");
    }

    /// <summary>A path, made absolute against the working directory; null when absent.</summary>
    public static string? Path(string? text, GateEnvironment env) => Absent(text) ? null : env.Resolve(text!);

    /// <summary>A path that must be given, made absolute against the working directory.</summary>
    public static string RequiredPath(string? text, string flag, string what, GateEnvironment env) =>
        Path(text, env) ?? throw Missing(flag, what);

    /// <summary>The error for a required flag that was not given.</summary>
    public static GateInputException Missing(string flag, string what) =>
        new($"{flag} is required (or set {EnvOption.VariableFor(flag)}): {what}");

    /// <summary>
    /// Splits <c>KEY=VALUE</c> at the first '=' outside square brackets, so <c>containers[name=model].image=r/m:13</c>
    /// has the key <c>containers[name=model].image</c>. <paramref name="form"/> names the expected shape in errors.
    /// </summary>
    public static KeyValuePair<string, string> KeyValue(string text, string flag, string form = "KEY=VALUE")
    {
        var eq = SplitPoint(text);
        return eq > 0 && text[..eq].Trim().Length > 0
            ? KeyValuePair.Create(text[..eq].Trim(), text[(eq + 1)..])
            : throw Invalid(flag, text, form);
    }

    /// <summary>A comma-separated list of <c>key=value</c> pairs (commas inside square brackets do not split).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> KeyValueList(string text, string flag, string form = "key=value[,key=value…]") =>
        [.. SplitOutsideBrackets(text, ',').Select(part => part.Trim()).Where(part => part.Length > 0).Select(part =>
        {
            var eq = SplitPoint(part);
            return eq > 0 ? KeyValuePair.Create(part[..eq].Trim(), part[(eq + 1)..].Trim()) : throw Invalid(flag, text, form);
        })];

    private static bool Absent(string? text) => string.IsNullOrWhiteSpace(text);

    private static int SplitPoint(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '[':
                    depth++;
                    break;
                case ']':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '=' when depth == 0:
                    return i;
            }
        }

        return -1;
    }

    private static IEnumerable<string> SplitOutsideBrackets(string text, char separator)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth = text[i] switch
            {
                '[' => depth + 1,
                ']' => Math.Max(0, depth - 1),
                _ => depth,
            };
            if (text[i] == separator && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    private static string Text(double n) => n.ToString(CultureInfo.InvariantCulture);

    private static string NumberRange(double min, double max) => (min, max) switch
    {
        (double.MinValue, double.MaxValue) => "a number",
        (_, double.MaxValue) => $"a number of at least {Text(min)}",
        (double.MinValue, _) => $"a number of at most {Text(max)}",
        _ => $"a number from {Text(min)} to {Text(max)}",
    };

    private static string WholeRange(long min, long max) => (min, max) switch
    {
        (1, long.MaxValue or int.MaxValue) => "a positive whole number",
        (_, long.MaxValue or int.MaxValue) => $"a whole number of at least {min}",
        _ => $"a whole number from {min} to {max}",
    };
}
