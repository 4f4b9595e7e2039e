namespace Gates.EvalGate.Results.Jsonl;

/// <summary>A scanner and its output, used by one chunk at a time (a worker fills it, the reader applies and reuses it).</summary>
internal sealed class ChunkScan(LineScanner scanner)
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public ScannedLines Lines { get; } = new(scanner.Fields);

    /// <summary>Scans every non-blank line of the chunk (a BOM on line 1 and a '\r' before '\n' dropped), up to the first error.</summary>
    public ScannedLines Scan(LineChunk chunk)
    {
        Lines.Clear();
        Lines.Reserve(chunk.Length, chunk.LineCount);
        var rest = chunk.Buffer.AsSpan(0, chunk.Length);
        for (var number = chunk.FirstLine; !rest.IsEmpty; number++)
        {
            var newline = rest.IndexOf((byte)'\n');
            var line = newline >= 0 ? rest[..newline] : rest;
            rest = newline >= 0 ? rest[(newline + 1)..] : default;
            if (number == 1 && line.StartsWith(Bom))
            {
                line = line[3..];
            }

            if (line.Length > 0 && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (!ResultsFile.IsBlank(line) && !scanner.Scan(line, number, Lines))
            {
                break;
            }
        }

        return Lines;
    }
}
