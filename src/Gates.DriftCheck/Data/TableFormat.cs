namespace Gates.DriftCheck.Data;

internal enum TableFormat
{
    Auto,
    Csv,
    Jsonl,
}

internal static class TableFormats
{
    /// <summary>By extension (.jsonl, .ndjson, .json are JSON lines), otherwise by the first byte ('{' is JSON lines).</summary>
    public static TableFormat Detect(string path, ReadOnlySpan<byte> start)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
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
        _ => throw new Core.GateInputException($"--format-data: '{word}' is not one of auto|csv|jsonl"),
    };
}
