using System.Globalization;

namespace Gates.Bench.Honesty;

/// <summary>A CSV table of plain fields (no quoting), by column; a column is numeric when every non-empty value parses.</summary>
public sealed class Table
{
    private Table(string[] names, string[][] rows)
    {
        Names = names;
        Rows = rows;
    }

    public string[] Names { get; }

    public string[][] Rows { get; }

    public static Table Read(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var names = lines[0].Split(',');
        return new Table(names, [.. lines.Skip(1).Select(l => l.Split(',')).Where(r => r.Length == names.Length)]);
    }

    public static bool IsNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
