namespace Gates.DriftCheck.Profiling;

/// <summary>
/// Parses the common shape of a CSV number, <c>[+-]digits[.digits]</c>, without the general parser: the digits
/// make an integer m below 2^53 and the value is m / 10^k with k ≤ 22. Both are exact doubles, so the one
/// correctly rounded division gives exactly what <see cref="double.Parse(string)"/> gives (Clinger's fast path).
/// Anything else (exponents, more digits, spaces, words) returns false and is left to the general parser.
/// </summary>
internal static class FastNumber
{
    private const ulong MaxExact = 1UL << 53;

    private static readonly double[] Powers =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ];

    public static bool TryParse(ReadOnlySpan<byte> s, out double value) => TryParse(s, out value, out _, out _);

    /// <summary>
    /// Also gives the decimal form: <paramref name="value"/> is <paramref name="mantissa"/> / 10^<paramref name="decimals"/>
    /// correctly rounded (the mantissa carries the sign; a negative zero has mantissa 0 and a negative value).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> s, out double value, out long mantissa, out int decimals)
    {
        value = 0;
        mantissa = 0;
        decimals = 0;
        var i = 0;
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            i = 1;
        }

        ulong m = 0;
        var digits = 0;
        var significant = 0;
        var fraction = -1;
        for (; i < s.Length; i++)
        {
            var b = s[i];
            if ((uint)(b - '0') <= 9)
            {
                digits++;
                if ((m != 0 || b != '0') && ++significant > 19)
                {
                    return false;
                }

                m = (m * 10) + (uint)(b - '0');
                if (fraction >= 0)
                {
                    fraction++;
                }
            }
            else if (b == '.' && fraction < 0)
            {
                fraction = 0;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0 || m > MaxExact || fraction > 22)
        {
            return false;
        }

        var v = fraction > 0 ? m / Powers[fraction] : m;
        value = negative ? -v : v;
        mantissa = negative ? -(long)m : (long)m;
        decimals = Math.Max(fraction, 0);
        return true;
    }
}
