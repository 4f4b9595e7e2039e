using Gates.Core;

namespace Gates.DriftCheck.Data;

/// <summary>Opens a data file and reads it with the reader for its format.</summary>
internal static class TableReader
{
    public static Table Read(string path, TableReadOptions options, CancellationToken ct, Action<long>? progress = null)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GateInputException($"{path}: cannot read: {e.Message}");
        }

        using (stream)
        {
            if (stream.Length == 0)
            {
                throw new GateInputException($"{path}: the file is empty (0 bytes)");
            }

            var format = options.Format;
            if (format == TableFormat.Auto)
            {
                var start = new byte[Math.Min(64, (int)stream.Length)];
                stream.ReadExactly(start);
                stream.Position = 0;
                format = TableFormats.Detect(path, start);
            }

            return format == TableFormat.Jsonl
                ? JsonlTableReader.Read(path, stream, options, ct, progress)
                : CsvTableReader.Read(path, stream, options, ct, progress);
        }
    }
}
