using System.Text.Json;

namespace Gates.EvalGate.Results.Json;

/// <summary>
/// The key names that carry a metric's sample size and uncertainty in plain metric JSON (docs/eval-gate-formats.md):
/// a value object <c>{"score": 0.87, "n": 200, "stderr": 0.02}</c>, sibling keys <c>groundedness_n</c>,
/// <c>groundedness_stderr</c>, and a shared <c>n</c> in the same or any enclosing object.
/// </summary>
internal static class MetricConventions
{
    public static readonly string[] ValueKeys = ["score", "value", "mean", "rate"];

    public static readonly string[] SdKeys = ["sd", "std", "stddev"];

    public static readonly string[] SiblingSuffixes = ["_n", "_successes", "_stderr", "_sd", "_std"];

    private static readonly string[] ObjectCompanions = ["n", "successes", "stderr", "sd", "std", "stddev", "higher_is_better"];

    /// <summary>The key holding the value when <paramref name="element"/> is a value object, else null.</summary>
    public static string? ValueKey(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var key in ValueKeys)
        {
            if (element.TryGetProperty(key, out var value) && value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
            {
                return key;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="key"/> of <paramref name="parent"/> describes another metric rather than being one.</summary>
    public static bool IsCompanion(JsonElement parent, string key, string? parentValueKey)
    {
        if (key == "n" || (parentValueKey is not null && (key == parentValueKey || ObjectCompanions.Contains(key))))
        {
            return true;
        }

        foreach (var suffix in SiblingSuffixes)
        {
            if (key.Length > suffix.Length && key.EndsWith(suffix, StringComparison.Ordinal)
                && parent.TryGetProperty(key[..^suffix.Length], out _))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsNonFiniteString(JsonElement element) =>
        element.ValueKind == JsonValueKind.String && NonFiniteTokens.IsNonFiniteText(element.GetString()!);
}
