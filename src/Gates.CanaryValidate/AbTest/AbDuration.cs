using System.Globalization;
using System.Text.RegularExpressions;
using Gates.Core.Text;

namespace Gates.CanaryValidate.AbTest;

/// <summary>Experiment durations: days on top of the shared forms (7d, 1d12h, 36h, 30m, 900s).</summary>
internal static partial class AbDuration
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var match = Days().Match(text?.Trim() ?? "");
        if (!match.Success || (match.Groups[1].Length == 0 && match.Groups[2].Length == 0))
        {
            return false;
        }

        var days = match.Groups[1].Length > 0 ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var rest = TimeSpan.Zero;
        if (match.Groups[2].Length > 0 && !DurationText.TryParse(match.Groups[2].Value, out rest))
        {
            return false;
        }

        value = TimeSpan.FromDays(days) + rest;
        return true;
    }

    public static string Format(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } when span.TotalHours % 24 == 0 => $"{span.TotalDays.ToString("0.##", CultureInfo.InvariantCulture)}d",
        { TotalHours: >= 1 } when span.TotalMinutes % 60 == 0 => $"{span.TotalHours.ToString("0.##", CultureInfo.InvariantCulture)}h",
        _ => DurationText.Format(span),
    };

    [GeneratedRegex(@"^(?:(\d+(?:\.\d+)?)d)?(.*)$")]
    private static partial Regex Days();
}
