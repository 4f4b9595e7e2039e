using Gates.Cli.Inputs;
using Gates.Core;

namespace Gates.DriftCheck.Data;

/// <summary>Opens a data file and reads it with the reader for its format.</summary>
internal static class TableReader
{
    public static Table Read(string path, TableReadOptions options, CancellationToken ct, Action<long>? progress = null)
    {
        using var stream = InputFiles.Open(path, "data file");
        if (stream.Length == 0)
        {
            throw new GateInputException($"{path}: the file is empty (0 bytes)");
        }

        var format = options.Format;
        if (format == TableFormat.Auto)
        {
            format = TableFormats.Detect(path, stream.Peek(64));
        }

        return format switch
        {
            TableFormat.Parquet => ParquetTableReader.Read(path, options, ct, progress),
            TableFormat.Jsonl => JsonlTableReader.Read(path, stream, options, ct, progress),
            _ => CsvTableReader.Read(path, stream, options, ct, progress),
        };
    }
}
