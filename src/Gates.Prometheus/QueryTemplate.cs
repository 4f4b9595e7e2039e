using System.Text.RegularExpressions;

namespace Gates.Prometheus;

/// <summary>
/// Fills {{name}} placeholders in a PromQL template. Values are escaped for use inside a quoted label matcher;
/// an unknown placeholder is an error naming the ones that are known.
/// </summary>
public static partial class QueryTemplate
{
    public static string Render(string template, IReadOnlyDictionary<string, string> variables)
    {
        var unknown = new List<string>();
        var text = Placeholder().Replace(template, m =>
        {
            var name = m.Groups[1].Value;
            if (variables.TryGetValue(name, out var value))
            {
                return value.Replace("\\", "\\\\").Replace("\"", "\\\"");
            }

            unknown.Add(name);
            return m.Value;
        });
        if (unknown.Count > 0)
        {
            var known = string.Join(", ", variables.Keys.Select(k => "{{" + k + "}}"));
            throw new ArgumentException($"unknown placeholder {string.Join(", ", unknown.Distinct().Select(u => "{{" + u + "}}"))} in query '{template}' (known: {known})");
        }

        return text;
    }

    /// <summary>The placeholders a template uses.</summary>
    public static IReadOnlyList<string> Names(string template) =>
        [.. Placeholder().Matches(template).Select(m => m.Groups[1].Value).Distinct()];

    /// <summary>A Prometheus duration in whole seconds ("300s"), at least one second.</summary>
    public static string Duration(TimeSpan span) => $"{Math.Max(1, (long)Math.Ceiling(span.TotalSeconds))}s";

    [GeneratedRegex(@"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex Placeholder();
}
