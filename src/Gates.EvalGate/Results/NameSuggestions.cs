namespace Gates.EvalGate.Results;

/// <summary>"Did you mean": the names closest to a metric name that was not found.</summary>
internal static class NameSuggestions
{
    public static IReadOnlyList<string> For(string wanted, IEnumerable<string> names, int max = 3)
    {
        var ranked = new List<(int Rank, string Name)>();
        foreach (var name in names)
        {
            if (Rank(wanted, name) is { } rank)
            {
                ranked.Add((rank, name));
            }
        }

        return [.. ranked.OrderBy(r => r.Rank).ThenBy(r => r.Name, StringComparer.Ordinal).Take(max).Select(r => r.Name)];
    }

    public static MetricFind.Missing Missing(string metric, string path, string format, IEnumerable<string> names)
    {
        var suggestions = For(metric, names);
        var hint = suggestions.Count > 0 ? $"; did you mean {string.Join(", ", suggestions.Select(s => $"'{s}'"))}?" : "";
        return new MetricFind.Missing($"{path}: no metric '{metric}' in these {format} results{hint}", suggestions);
    }

    private static int? Rank(string wanted, string name)
    {
        if (string.Equals(wanted, name, StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        if (name.StartsWith(wanted + ",", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("." + wanted, StringComparison.OrdinalIgnoreCase)
            || wanted.EndsWith("." + name, StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        var distance = Distance(wanted.ToLowerInvariant(), name.ToLowerInvariant());
        if (distance <= Math.Max(2, wanted.Length / 4))
        {
            return 1 + distance;
        }

        var contains = wanted.Length >= 3 && name.Contains(wanted, StringComparison.OrdinalIgnoreCase);
        return contains ? 10 : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
