namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// Parses the common JSON number shapes ("-12", "0.4731") without the general parser: up to 15 significant
/// digits and no exponent give an exact integer mantissa and an exact power of ten, so one IEEE division is
/// correctly rounded (Clinger's fast path). Anything else falls back to the general parser.
/// </summary>
internal static class FastNumber
{
    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];

    public static bool TryParse(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        var i = 0;
        var negative = text.Length > 0 && text[0] == (byte)'-';
        if (negative)
        {
            i++;
        }

        long mantissa = 0;
        var digits = 0;
        var fraction = -1;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == (byte)'.' && fraction < 0)
            {
                fraction = 0;
                continue;
            }

            var digit = c - (byte)'0';
            if ((uint)digit > 9 || ++digits > 15)
            {
                return false;
            }

            mantissa = (mantissa * 10) + digit;
            if (fraction >= 0)
            {
                fraction++;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        value = fraction > 0 ? mantissa / PowersOfTen[fraction] : mantissa;
        if (negative)
        {
            value = -value;
        }

        return true;
    }
}
