namespace Gates.DriftCheck.Profiling;

/// <summary>Words that stand for true and false, and their canonical form.</summary>
internal static class BooleanWords
{
    private static readonly string[][] Pairs = [["true", "false"], ["yes", "no"], ["t", "f"], ["y", "n"]];

    public static bool IsBooleanSet(IEnumerable<string> values)
    {
        var lower = values.Select(v => v.Trim().ToLowerInvariant()).Distinct().ToList();
        return lower.Count > 0 && Pairs.Any(pair => lower.All(pair.Contains));
    }

    /// <summary>"true" or "false" for a boolean word; numbers in canonical form (0/1 stay 0/1); anything else as it is.</summary>
    public static string Canonical(string value)
    {
        var lower = value.Trim().ToLowerInvariant();
        foreach (var pair in Pairs)
        {
            if (lower == pair[0])
            {
                return "true";
            }

            if (lower == pair[1])
            {
                return "false";
            }
        }

        return TypeInference.CanonicalKey(value);
    }
}
