using System.Globalization;
using System.Text;
using System.Text.Json;
using Gates.Cli.Inputs;
using Gates.Core;
using Gates.Core.Results;

namespace Gates.CanaryValidate.AbTest;

/// <summary>
/// Rows of a logged-outcomes file, CSV with a header (RFC 4180 quoting) or JSONL (one object per line; a nested object
/// such as <c>"champion": {"task_success": 1}</c> becomes the column <c>champion_task_success</c>).
/// </summary>
internal sealed record OutcomeTable(IReadOnlyList<IReadOnlyDictionary<string, string>> Rows, IReadOnlySet<string> Columns, InputFile File)
{
    public static OutcomeTable Read(string path, string role)
    {
        var content = InputFiles.ReadAll(path, role);
        var text = content.Text();
        var jsonl = path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || text.TrimStart().StartsWith('{');
        var rows = jsonl ? Jsonl(path, text) : Csv(path, text);
        if (rows.Count == 0)
        {
            throw new GateInputException($"{path}: no rows");
        }

        return new OutcomeTable(rows, rows.SelectMany(r => r.Keys).ToHashSet(StringComparer.Ordinal), content.As(role));
    }

    public double? Number(IReadOnlyDictionary<string, string> row, string column, int line, string path)
    {
        if (!row.TryGetValue(column, out var text) || text.Length == 0)
        {
            return null;
        }

        return text switch
        {
            "true" or "True" => 1,
            "false" or "False" => 0,
            _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
                ? v
                : throw new GateInputException($"{path}:{line}: column '{column}': '{text}' is not a number"),
        };
    }

    private static List<IReadOnlyDictionary<string, string>> Jsonl(string path, string text)
    {
        var rows = new List<IReadOnlyDictionary<string, string>>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(lines[i]);
                var row = new Dictionary<string, string>(StringComparer.Ordinal);
                Flatten(doc.RootElement, "", row);
                rows.Add(row);
            }
            catch (JsonException e)
            {
                throw new GateInputException($"{path}:{i + 1}: not a JSON object: {e.Message}");
            }
        }

        return rows;
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, string> row)
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = prefix + property.Name;
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    Flatten(property.Value, name + "_", row);
                    break;
                case JsonValueKind.String:
                    row[name] = property.Value.GetString()!;
                    break;
                case JsonValueKind.Null or JsonValueKind.Undefined:
                    break;
                default:
                    row[name] = property.Value.GetRawText();
                    break;
            }
        }
    }

    private static List<IReadOnlyDictionary<string, string>> Csv(string path, string text)
    {
        var records = Records(text).Where(r => r.Count > 1 || (r.Count == 1 && r[0].Length > 0)).ToList();
        if (records.Count == 0)
        {
            throw new GateInputException($"{path}: no header row");
        }

        var header = records[0];
        var rows = new List<IReadOnlyDictionary<string, string>>();
        for (var i = 1; i < records.Count; i++)
        {
            if (records[i].Count != header.Count)
            {
                throw new GateInputException($"{path}: row {i + 1} has {records[i].Count} fields, the header {header.Count}");
            }

            rows.Add(header.Select((h, j) => (h, v: records[i][j])).ToDictionary(p => p.h, p => p.v, StringComparer.Ordinal));
        }

        return rows;
    }

    private static IEnumerable<List<string>> Records(string text)
    {
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                record.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                yield return record;
                record = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString().TrimEnd('\r'));
            yield return record;
        }
    }
}
