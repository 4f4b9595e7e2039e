namespace Gates.DriftCheck.Data;

internal enum TableFormat
{
    Auto,
    Csv,
    Jsonl,
    Parquet,
}

internal static class TableFormats
{
    /// <summary>
    /// By extension (.parquet; .jsonl, .ndjson, .json are JSON lines), otherwise by content: the magic bytes PAR1 are
    /// Parquet, a first '{' JSON lines.
    /// </summary>
    public static TableFormat Detect(string path, ReadOnlySpan<byte> start)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".parquet" or ".pq" || start.StartsWith("PAR1"u8))
        {
            return TableFormat.Parquet;
        }

        if (extension is ".jsonl" or ".ndjson" or ".json")
        {
            return TableFormat.Jsonl;
        }

        if (extension is ".csv" or ".tsv" or ".txt" or ".psv")
        {
            return TableFormat.Csv;
        }

        var text = start.TrimStart([(byte)0xEF, (byte)0xBB, (byte)0xBF]).TrimStart(" \t\r\n"u8);
        return text.Length > 0 && text[0] == '{' ? TableFormat.Jsonl : TableFormat.Csv;
    }

    public static TableFormat Parse(string? word) => word?.ToLowerInvariant() switch
    {
        null or "" or "auto" => TableFormat.Auto,
        "csv" => TableFormat.Csv,
        "jsonl" or "ndjson" => TableFormat.Jsonl,
        "parquet" => TableFormat.Parquet,
        _ => throw new Core.GateInputException($"--data-format: '{word}' is not one of auto|csv|jsonl|parquet"),
    };
}
