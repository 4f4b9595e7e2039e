namespace Gates.EvalGate.Results.Jsonl;

/// <summary>Reads a JSONL file line by line on this thread: for streams, small files and one core.</summary>
internal static class SequentialLines
{
    private const int Batch = 1024;

    /// <summary>Reads the whole file into <paramref name="aggregator"/>; returns the sha256 and the bytes read.</summary>
    public static (string Sha256, long Bytes) Read(string path, ReadOptions options, ItemAggregator aggregator, int bufferSize)
    {
        using var lines = new JsonLines(path, bufferSize);
        var scanner = new LineScanner(path, options, aggregator.Ids.Candidates, aggregator.HashIds);
        var scanned = new ScannedLines(scanner.Fields);
        while (Next(lines, aggregator, scanned, out var line))
        {
            if (!scanner.Scan(line, lines.LineNumber, scanned) || scanned.LineCount >= Batch)
            {
                aggregator.Apply(scanned);
                scanned.Clear();
            }
        }

        aggregator.Apply(scanned);
        return (lines.Sha256(), lines.BytesRead);
    }

    /// <summary>The next line; a read error (invalid UTF-8) comes after the lines before it are applied.</summary>
    private static bool Next(JsonLines lines, ItemAggregator aggregator, ScannedLines scanned, out ReadOnlySpan<byte> line)
    {
        try
        {
            return lines.TryRead(out line);
        }
        catch
        {
            aggregator.Apply(scanned);
            throw;
        }
    }
}
