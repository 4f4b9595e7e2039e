using System.Globalization;

namespace Gates.DriftCheck.Analysis;

/// <summary>Numbers and shares as people read them.</summary>
internal static class Words
{
    public static string Number(double value)
    {
        if (double.IsNaN(value))
        {
            return "n/a";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "∞" : "−∞";
        }

        var abs = Math.Abs(value);
        var text = abs >= 1000 ? value.ToString("#,0", CultureInfo.InvariantCulture)
            : abs >= 100 ? value.ToString("0.#", CultureInfo.InvariantCulture)
            : abs >= 1 ? value.ToString("0.##", CultureInfo.InvariantCulture)
            : abs == 0 ? "0"
            : value.ToString("0.###", CultureInfo.InvariantCulture) is var t && t is not ("0" or "-0") ? t
            : value.ToString("0.##E+0", CultureInfo.InvariantCulture);
        return text.Replace('-', '−');
    }

    /// <summary>A change with its sign; changes below 0.0005 in size are "±0".</summary>
    public static string Signed(double value) => Math.Abs(value) < 0.0005 ? "±0" : (value >= 0 ? "+" : "") + Number(value);

    public static string Percent(double share)
    {
        var p = share * 100;
        var text = p == 0 ? "0" : Math.Abs(p) < 1 ? p.ToString("0.#", CultureInfo.InvariantCulture) : p.ToString("0", CultureInfo.InvariantCulture);
        return (text == "0" && p > 0 ? "<0.1" : text) + "%";
    }

    public static string Count(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Plural(long n, string one, string many) => $"{Count(n)} {(n == 1 ? one : many)}";

    /// <summary>A p-value for a report: small ones in scientific notation.</summary>
    public static string PValue(double p) => p < 0.0001 ? p.ToString("0.0E+0", CultureInfo.InvariantCulture) : p.ToString("0.####", CultureInfo.InvariantCulture);
}
