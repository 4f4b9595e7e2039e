using CsvHelper;
using Gates.Cli.Inputs;
using Gates.Core;
using Gates.DriftCheck.Profiling;

namespace Gates.DriftCheck.Data;

/// <summary>
/// Reads a CSV file with CsvHelper in one streaming pass: header, quoting and separator (detected unless given),
/// UTF-8 with or without a byte order mark. Structural problems stop the run with file, line and column.
/// </summary>
internal static class CsvTableReader
{
    private static readonly char[] OtherSeparators = [',', ';', '\t', '|'];

    public static Table Read(string path, InputStream hashing, TableReadOptions options, CancellationToken ct, Action<long>? progress = null)
    {
        var csvOptions = CsvReaderOptions.Default with
        {
            Separator = options.Delimiter,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            TrackLineNumbers = true,
            MaxRecordSize = Math.Max(options.MaxFieldBytes * 4, 64 << 20),
        };

        try
        {
            using var reader = CsvReader.Create(hashing, csvOptions, leaveOpen: true);
            var names = Header(path, reader, options);
            var columns = names.Select(n => new ColumnAccumulator(n, options.Missing, options.MaxFieldBytes, options.MaxDistinct) { Sink = options.Samples?.SinkFor(n) }).ToArray();
            long rows = 0;
            while (reader.Read())
            {
                rows++;
                if (reader.FieldCount != columns.Length)
                {
                    throw Ragged(path, reader, names, rows);
                }

                for (var i = 0; i < columns.Length; i++)
                {
                    columns[i].Add(reader.GetSpan(i), rows);
                }

                if ((rows & 0xFFFF) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    progress?.Invoke(rows);
                }
            }

            if (rows == 0)
            {
                throw new GateInputException($"{path}: has a header ({names.Count} columns) but no data rows");
            }

            return new Table
            {
                Path = path,
                Sha256 = hashing.Finish(),
                Format = TableFormat.Csv,
                Delimiter = reader.Separator,
                Rows = rows,
                Columns = columns,
            };
        }
        catch (CsvFormatException e)
        {
            var where = e.LineNumber > 0 ? $"line {e.LineNumber}" : $"record {e.RecordNumber}";
            throw new GateInputException($"{path}:{where}: malformed CSV: {e.Message}");
        }
    }

    private static IReadOnlyList<string> Header(string path, CsvReader reader, TableReadOptions options)
    {
        var names = reader.Headers;
        if (names.Count == 0 || (names.Count == 1 && string.IsNullOrWhiteSpace(names[0])))
        {
            throw new GateInputException($"{path}: the file is empty (no header row)");
        }

        if (names.Count == 1 && OtherSeparators.FirstOrDefault(s => s != reader.Separator && names[0].Contains(s)) is var other and not '\0')
        {
            var given = options.Delimiter is null ? "detected" : "given";
            throw new GateInputException(
                $"{path}:line 1: the header is one column '{TypeInference.Short(names[0])}' that contains '{Show(other)}': " +
                $"the separator looks like '{Show(other)}', not the {given} '{Show(reader.Separator)}' (set --delimiter)");
        }

        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(names[i]))
            {
                problems.Add($"{path}:line 1: column {i + 1} has no name");
            }
            else if (!seen.Add(names[i]))
            {
                problems.Add($"{path}:line 1: column name '{names[i]}' appears twice (columns are matched by name)");
            }
        }

        return problems.Count > 0 ? throw new GateInputException(problems) : names;
    }

    private static GateInputException Ragged(string path, CsvReader reader, IReadOnlyList<string> names, long row)
    {
        var count = reader.FieldCount;
        var what = count < names.Count
            ? $"has {count} fields, the header has {names.Count}: column '{names[count]}' and after are missing"
            : $"has {count} fields, the header has {names.Count}: {count - names.Count} extra after column '{names[^1]}'";
        return new GateInputException($"{path}:line {reader.LineNumber}: row {row} {what} (a ragged row; check the quoting and the separator '{Show(reader.Separator)}')");
    }

    private static string Show(char c) => c == '\t' ? "\\t" : c.ToString();
}
