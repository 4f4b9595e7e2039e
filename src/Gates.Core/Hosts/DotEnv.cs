using System.Text;

namespace Gates.Core.Hosts;

/// <summary>
/// GitLab's dotenv report (<c>artifacts:reports:dotenv</c>): <c>KEY=value</c> lines, keys of letters, digits
/// and underscores, values on one line (GitLab supports no multi-line values and no escapes, so they are refused).
/// </summary>
public static class DotEnv
{
    /// <summary>GATES_&lt;TOOL&gt;_&lt;NAME&gt; in upper snake case: ("eval-gate", "report-json") → GATES_EVAL_GATE_REPORT_JSON.</summary>
    public static string Key(string tool, string name) => $"GATES_{Snake(tool)}_{Snake(name)}";

    public static string Line(string key, string value)
    {
        if (key.Length == 0 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"'{key}' is not a dotenv key: use letters, digits and underscores", nameof(key));
        }

        if (value.Contains('\n') || value.Contains('\r'))
        {
            throw new ArgumentException($"dotenv value for {key} spans several lines, which GitLab does not support", nameof(value));
        }

        return $"{key}={value}\n";
    }

    public static string Build(IEnumerable<KeyValuePair<string, string>> variables) =>
        string.Concat(variables.Select(v => Line(v.Key, v.Value)));

    private static string Snake(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        }

        return builder.ToString();
    }
}
