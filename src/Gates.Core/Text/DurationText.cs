using System.Globalization;
using System.Text.RegularExpressions;

namespace Gates.Core.Text;

/// <summary>
/// Durations as users write them on command lines and in YAML: 500ms, 30s, 15m, 1h, 1m30s; a bare number is
/// seconds. Shared by every tool that takes a time.
/// </summary>
public static partial class DurationText
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            value = double.IsFinite(seconds) && seconds >= 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;
            return double.IsFinite(seconds) && seconds >= 0;
        }

        var parts = Part().Matches(text);
        if (parts.Count == 0 || string.Concat(parts.Select(p => p.Value)) != text)
        {
            return false;
        }

        foreach (Match part in parts)
        {
            var n = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            value += part.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(n),
                "s" => TimeSpan.FromSeconds(n),
                "m" => TimeSpan.FromMinutes(n),
                _ => TimeSpan.FromHours(n),
            };
        }

        return true;
    }

    /// <summary>Parses a flag's value, at most a week long, or throws an input error naming the flag.</summary>
    public static TimeSpan Parse(string text, string flag) =>
        TryParse(text, out var value) && value < TimeSpan.FromDays(7)
            ? value
            : throw new GateInputException($"{flag}: '{text}' is not a duration (examples: 500ms, 30s, 5m, 1h, 1m30s)");

    public static string Format(TimeSpan span) => span.TotalSeconds % 60 == 0 && span.TotalSeconds > 0
        ? $"{span.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture)}m"
        : $"{span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s";

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|s|m|h)")]
    private static partial Regex Part();
}
