using System.Globalization;
using Gates.Core;

namespace Gates.LatencyBench.Load;

/// <summary>Parses durations written as 500ms, 30s, 5m, 1h or 1m30s; a bare number is seconds.</summary>
internal static class DurationText
{
    public static TimeSpan Parse(string text, string flag)
    {
        var s = text.Trim();
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var bare))
        {
            return Checked(bare, text, flag);
        }

        double total = 0;
        var i = 0;
        var any = false;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            var unitStart = i;
            while (i < s.Length && char.IsLetter(s[i]))
            {
                i++;
            }

            if (start == unitStart || unitStart == i
                || !double.TryParse(s[start..unitStart], NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                throw Bad(text, flag);
            }

            total += s[unitStart..i] switch
            {
                "ms" => number / 1000,
                "s" => number,
                "m" => number * 60,
                "h" => number * 3600,
                _ => throw Bad(text, flag),
            };
            any = true;
        }

        return any ? Checked(total, text, flag) : throw Bad(text, flag);
    }

    private static TimeSpan Checked(double seconds, string text, string flag) =>
        double.IsFinite(seconds) && seconds >= 0 && seconds < 7 * 24 * 3600
            ? TimeSpan.FromSeconds(seconds)
            : throw Bad(text, flag);

    private static GateInputException Bad(string text, string flag) =>
        new($"{flag}: '{text}' is not a duration (examples: 500ms, 30s, 5m, 1h, 1m30s)");
}
