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

    /// <summary>"true" or "false" for a boolean word or 0/1, otherwise the value itself.</summary>
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

        return lower switch
        {
            "1" or "1.0" => "true",
            "0" or "0.0" => "false",
            _ => value,
        };
    }
}
