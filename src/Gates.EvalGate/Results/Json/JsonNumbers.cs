using System.Globalization;
using System.Text.Json;

namespace Gates.EvalGate.Results.Json;

/// <summary>Reads numbers out of a metric document, saying in words what is wrong when a value is not one.</summary>
internal static class JsonNumbers
{
    /// <summary>A finite number, or null with <paramref name="problem"/> describing the value ("is NaN", "is null" …).</summary>
    public static double? Finite(JsonElement element, out string? problem)
    {
        problem = null;
        switch (element.ValueKind)
        {
            case JsonValueKind.Number when element.TryGetDouble(out var value) && double.IsFinite(value):
                return value;
            case JsonValueKind.Number:
                problem = $"is {element.GetRawText()}, not a finite number";
                return null;
            case JsonValueKind.String when MetricConventions.IsNonFiniteString(element):
                problem = $"is {element.GetString()}, not a finite number";
                return null;
            case JsonValueKind.String:
                problem = $"is a string (\"{Shorten(element.GetString()!)}\"), not a number";
                return null;
            case JsonValueKind.Null:
                problem = "is null";
                return null;
            case JsonValueKind.True or JsonValueKind.False:
                problem = $"is a boolean ({element.GetRawText()}), not a number";
                return null;
            default:
                problem = $"is an {element.ValueKind.ToString().ToLowerInvariant()}, not a number";
                return null;
        }
    }

    /// <summary>A whole, non-negative count such as n or successes.</summary>
    public static long? Count(JsonElement element, out string? problem)
    {
        if (Finite(element, out problem) is not { } value)
        {
            return null;
        }

        if (value < 0 || value != Math.Floor(value) || value > long.MaxValue)
        {
            problem = $"is {value.ToString(CultureInfo.InvariantCulture)}, not a whole count";
            return null;
        }

        return (long)value;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
