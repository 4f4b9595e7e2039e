using System.Globalization;
using System.Text;

namespace Gates.ManifestBump.Yaml;

/// <summary>Writes a string as a single- or double-quoted YAML scalar with correct escaping.</summary>
internal static class QuotedScalars
{
    public static bool CanWriteSingle(string value) => !value.Any(c => char.IsControl(c) || c == '\uFEFF');

    public static string Single(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Double(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                '\uFEFF' => "\\uFEFF",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }
}
