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

    public static Table Read(string path, InputStream hashing, TableReadOptions options, CancellationToken ct, Action<long>? progress = null,
        bool parallel = true)
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
            if (parallel && ParallelCsv.Suits(path, hashing.Length))
            {
                // On a thread of its own: it reads the whole file beside the parts and must not hold a pool worker.
                var hash = Task.Factory.StartNew(hashing.Finish, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                // The parts are read without the text and embedding samples (a reservoir sample is one pass in file
                // order); when a column needs them after all, the file is read again in one pass.
                if (ParallelCsv.TryRead(path, names, reader.Separator, options with { Samples = null }, ct, progress) is { } fast
                    && options.Samples?.NeedsCells(fast.Columns) != true)
                {
                    return Finish(path, names, fast.Columns, fast.Rows, reader.Separator, Wait(hash));
                }

                Wait(hash);
                using var again = InputFiles.Open(path, "data file");
                return Read(path, again, options, ct, progress, parallel: false);
            }

            var columns = names.Select(n => options.NewColumn(n)).ToArray();
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

            return Finish(path, names, columns, rows, reader.Separator, hashing.Finish());
        }
        catch (CsvFormatException e)
        {
            var where = e.LineNumber > 0 ? $"line {e.LineNumber}" : $"record {e.RecordNumber}";
            throw new GateInputException($"{path}:{where}: malformed CSV: {e.Message}");
        }
    }

    private static Table Finish(string path, IReadOnlyList<string> names, ColumnAccumulator[] columns, long rows, char separator, string sha256)
    {
        if (rows == 0)
        {
            throw new GateInputException($"{path}: has a header ({names.Count} columns) but no data rows");
        }

        return new Table
        {
            Path = path,
            Sha256 = sha256,
            Format = TableFormat.Csv,
            Delimiter = separator,
            Rows = rows,
            Columns = columns,
        };
    }

    /// <summary>The hash of the whole file, read (and checked as UTF-8) while the parts were parsed.</summary>
    private static string Wait(Task<string> hash)
    {
        try
        {
            return hash.GetAwaiter().GetResult();
        }
        catch (AggregateException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
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
