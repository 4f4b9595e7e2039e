namespace Gates.DriftCheck.Profiling;

/// <summary>
/// Recognises ISO 8601 dates and times in UTF-8 without allocating: <c>yyyy-MM-dd</c>, optionally followed by
/// <c>T</c> or a space and <c>HH:mm</c>, <c>:ss</c>, fractional seconds and a zone (<c>Z</c> or ±hh:mm).
/// </summary>
internal static class IsoDateTime
{
    public static bool TryParse(ReadOnlySpan<byte> s, out DateTime value, out bool hasTime)
    {
        value = default;
        hasTime = false;
        if (s.Length < 10 || s[4] != '-' || s[7] != '-')
        {
            return false;
        }

        if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || month is < 1 or > 12 || year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        int hour = 0, minute = 0, second = 0;
        var i = 10;
        if (s.Length > 10)
        {
            if ((s[10] != 'T' && s[10] != ' ') || s.Length < 16 || s[13] != ':'
                || !Digits(s, 11, 2, out hour) || !Digits(s, 14, 2, out minute) || hour > 23 || minute > 59)
            {
                return false;
            }

            hasTime = true;
            i = 16;
            if (i < s.Length && s[i] == ':')
            {
                if (!Digits(s, i + 1, 2, out second) || second > 59)
                {
                    return false;
                }

                i += 3;
                if (i < s.Length && s[i] == '.')
                {
                    i++;
                    var start = i;
                    while (i < s.Length && s[i] is >= (byte)'0' and <= (byte)'9')
                    {
                        i++;
                    }

                    if (i == start)
                    {
                        return false;
                    }
                }
            }

            if (i < s.Length && !Zone(s[i..]))
            {
                return false;
            }
        }

        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        return true;
    }

    private static bool Zone(ReadOnlySpan<byte> s) =>
        (s.Length == 1 && s[0] == 'Z')
        || (s.Length == 6 && (s[0] == '+' || s[0] == '-') && s[3] == ':' && Digits(s, 1, 2, out _) && Digits(s, 4, 2, out _));

    private static bool Digits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            var c = s[i];
            if (c is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
