using System.Globalization;

namespace Gates.Actions.Tests.Runner;

/// <summary>
/// Comparison as the runner does it: same-type values compare directly (strings ignoring case); mixed types
/// are turned into numbers ('' is 0, 'true' is NaN, true is 1, null is 0), and NaN is never equal.
/// </summary>
public static class ExpressionCompare
{
    public static bool Apply(string op, object? left, object? right) => op switch
    {
        "==" => AreEqual(left, right),
        "!=" => !AreEqual(left, right),
        "<" => Order(left, right) is < 0,
        "<=" => Order(left, right) is <= 0,
        ">" => Order(left, right) is > 0,
        ">=" => Order(left, right) is >= 0,
        _ => throw new NotSupportedException("operator " + op),
    };

    public static bool AreEqual(object? left, object? right)
    {
        if (left is string a && right is string b)
        {
            return string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
        }

        if (left is null && right is null)
        {
            return true;
        }

        if (left is bool x && right is bool y)
        {
            return x == y;
        }

        var l = ToNumber(left);
        var r = ToNumber(right);
        return !double.IsNaN(l) && l == r;
    }

    private static int? Order(object? left, object? right)
    {
        if (left is string a && right is string b)
        {
            return string.Compare(a, b, StringComparison.OrdinalIgnoreCase);
        }

        var l = ToNumber(left);
        var r = ToNumber(right);
        return double.IsNaN(l) || double.IsNaN(r) ? null : l.CompareTo(r);
    }

    public static double ToNumber(object? value) => value switch
    {
        null => 0,
        bool b => b ? 1 : 0,
        double d => d,
        string s when s.Trim().Length == 0 => 0,
        string s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : double.NaN,
        _ => double.NaN,
    };
}
