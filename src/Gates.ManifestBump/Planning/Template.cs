using System.Text.RegularExpressions;
using Gates.Core;

namespace Gates.ManifestBump.Planning;

/// <summary>
/// Fills <c>{{version}}</c>, <c>{{model}}</c>, <c>{{environment}}</c>, <c>{{source}}</c> and <c>{{run_id}}</c> in target values.
/// An unknown name, or a name with no value in this run, is an error.
/// </summary>
internal sealed partial class Template(IReadOnlyDictionary<string, string?> values)
{
    public static readonly string[] Names = ["version", "model", "environment", "source", "run_id"];

    public string Render(string text) => Placeholder().Replace(text, m =>
    {
        var name = m.Groups[1].Value;
        if (!Names.Contains(name))
        {
            throw new GateInputException($"'{text}': unknown placeholder {{{{{name}}}}} (known: {string.Join(", ", Names.Select(n => "{{" + n + "}}"))})");
        }

        return values.TryGetValue(name, out var value) && value is not null
            ? value
            : throw new GateInputException($"'{text}' uses {{{{{name}}}}} but this run has no {name} (give {Flag(name)})");
    });

    private static string Flag(string name) => name switch
    {
        "version" => "--model-version or --mlflow-alias",
        "source" or "run_id" => "--mlflow-alias",
        _ => "--" + name,
    };

    /// <summary>The version inside an old value written by the same template (<c>s3://m/v{{version}}</c> on <c>s3://m/v12</c> → 12).</summary>
    public static string? VersionIn(string template, string oldValue, IReadOnlyDictionary<string, string?> values)
    {
        if (!template.Contains("{{version}}", StringComparison.Ordinal))
        {
            return null;
        }

        var pattern = "^" + string.Join("(?<v>.+?)", template.Split("{{version}}").Select(part =>
            Regex.Escape(Placeholder().Replace(part, m => values.TryGetValue(m.Groups[1].Value, out var v) && v is not null ? v : "\u0000")))) + "$";
        var match = Regex.Match(oldValue, pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        return match.Success ? match.Groups["v"].Value : null;
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z_]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
