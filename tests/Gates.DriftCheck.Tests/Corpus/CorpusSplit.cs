using System.Text;
using CsvHelper;
using Gates.Testing;

namespace Gates.DriftCheck.Tests.Corpus;

/// <summary>Writes the suggested reference/current splits of ../shared/corpus/tables (see its SOURCES.md) to temp files.</summary>
internal static class CorpusSplit
{
    /// <summary>The tables folder, or null with the reason when the shared corpus is absent (a plain clone).</summary>
    public static string? Tables => RepositoryPaths.Corpus is { } corpus && Directory.Exists(Path.Combine(corpus, "tables")) ? Path.Combine(corpus, "tables") : null;

    /// <summary>Rows where <paramref name="side"/> is true go to the reference, false to the current data, null nowhere.</summary>
    public static (string Reference, string Current) Write(TempFolder folder, string table, Func<Func<string, string>, bool?> side)
    {
        var source = Path.Combine(Tables!, table);
        var name = Path.GetFileNameWithoutExtension(table);
        var reference = folder.File($"{name}-reference.csv");
        var current = folder.File($"{name}-current.csv");
        using var reader = CsvReader.FromFile(source);
        using var r = new StreamWriter(reference, false, new UTF8Encoding(false));
        using var c = new StreamWriter(current, false, new UTF8Encoding(false));
        var header = string.Join(",", reader.Headers.Select(Quote));
        r.WriteLine(header);
        c.WriteLine(header);
        while (reader.Read())
        {
            var row = Encoding.UTF8.GetString(reader.RawRecord);
            switch (side(column => reader.GetString(column)))
            {
                case true:
                    r.WriteLine(row);
                    break;
                case false:
                    c.WriteLine(row);
                    break;
            }
        }

        return (reference, current);
    }

    private static string Quote(string name) => name.Contains(',') || name.Contains('"') ? $"\"{name.Replace("\"", "\"\"")}\"" : name;
}
