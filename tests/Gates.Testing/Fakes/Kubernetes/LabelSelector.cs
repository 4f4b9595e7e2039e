using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Gates.Testing.Fakes.Kubernetes;

/// <summary>
/// A label selector as the API server parses it: <c>k=v</c>, <c>k==v</c>, <c>k!=v</c>, <c>k</c>, <c>!k</c>,
/// <c>k in (a,b)</c>, <c>k notin (a,b)</c>, joined by commas. An unparsable selector throws <see cref="FormatException"/>.
/// </summary>
public sealed partial class LabelSelector
{
    private readonly List<Func<IReadOnlyDictionary<string, string>, bool>> requirements = [];

    private LabelSelector()
    {
    }

    [GeneratedRegex(@"^\s*(?<key>[A-Za-z0-9][-A-Za-z0-9_./]*)\s+(?<op>in|notin)\s+\((?<values>[^)]*)\)\s*$")]
    private static partial Regex SetRequirement();

    [GeneratedRegex(@"^\s*(?<not>!)?\s*(?<key>[A-Za-z0-9][-A-Za-z0-9_./]*)\s*(?:(?<op>==|!=|=)\s*(?<value>[-A-Za-z0-9_.]*))?\s*$")]
    private static partial Regex EqualityRequirement();

    [GeneratedRegex(@",(?![^(]*\))")]
    private static partial Regex TopLevelComma();

    public static LabelSelector Parse(string text)
    {
        var selector = new LabelSelector();
        foreach (var part in TopLevelComma().Split(text).Where(p => p.Trim().Length > 0))
        {
            selector.requirements.Add(Requirement(part));
        }

        return selector;
    }

    /// <summary>The equality requirements (<c>k=v</c>), as the labels a matching object carries.</summary>
    public static Dictionary<string, string> EqualityLabels(string text) =>
        TopLevelComma().Split(text).Select(p => EqualityRequirement().Match(p))
            .Where(m => m.Success && !m.Groups["not"].Success && m.Groups["op"].Value is "=" or "==")
            .ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);

    public bool Matches(JsonNode? labels)
    {
        var map = labels is JsonObject o
            ? o.ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        return requirements.TrueForAll(r => r(map));
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> Requirement(string part)
    {
        if (SetRequirement().Match(part) is { Success: true } set)
        {
            var key = set.Groups["key"].Value;
            var values = set.Groups["values"].Value.Split(',').Select(v => v.Trim()).ToHashSet(StringComparer.Ordinal);
            return set.Groups["op"].Value == "in"
                ? labels => labels.TryGetValue(key, out var v) && values.Contains(v)
                : labels => !labels.TryGetValue(key, out var v) || !values.Contains(v);
        }

        if (EqualityRequirement().Match(part) is { Success: true } m && !(m.Groups["not"].Success && m.Groups["op"].Success))
        {
            var key = m.Groups["key"].Value;
            var value = m.Groups["value"].Value;
            return (m.Groups["not"].Success, m.Groups["op"].Value) switch
            {
                (true, _) => labels => !labels.ContainsKey(key),
                (false, "") => labels => labels.ContainsKey(key),
                (false, "!=") => labels => !labels.TryGetValue(key, out var v) || v != value,
                _ => labels => labels.TryGetValue(key, out var v) && v == value,
            };
        }

        throw new FormatException($"unable to parse requirement: {part.Trim()}");
    }
}
