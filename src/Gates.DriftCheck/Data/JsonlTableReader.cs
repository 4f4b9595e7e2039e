using System.Text;
using System.Text.Json;
using Gates.Cli.Inputs;
using Gates.Core;
using Gates.Core.Text;
using Gates.DriftCheck.Profiling;

namespace Gates.DriftCheck.Data;

/// <summary>
/// Reads JSON lines: one object per line, its keys are the columns (the union over all lines, in order of first
/// appearance; a key absent from a line is missing there). Strings, numbers and booleans are values, null is
/// missing, nested objects and arrays are kept as their JSON text.
/// </summary>
internal static class JsonlTableReader
{
    public static Table Read(string path, InputStream hashing, TableReadOptions options, CancellationToken ct, Action<long>? progress = null)
    {
        var columns = new List<ColumnAccumulator>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new bool[16];
        var scratch = new byte[256];
        long rows = 0, line = 0;
        foreach (var record in Lines(hashing))
        {
            line++;
            var span = record.Span.Trim(" \t\r"u8);
            if (line == 1)
            {
                span = span.TrimStart([(byte)0xEF, (byte)0xBB, (byte)0xBF]);
            }

            if (span.IsEmpty)
            {
                continue;
            }

            rows++;
            if (seen.Length < columns.Count)
            {
                seen = new bool[columns.Count * 2];
            }

            Array.Clear(seen);
            try
            {
                ReadObject(span, rows, columns, index, ref seen, ref scratch, options);
            }
            catch (JsonException e)
            {
                throw new GateInputException($"{path}:line {line}: not a JSON object: {JsonErrors.Describe(e)}");
            }

            for (var i = 0; i < columns.Count; i++)
            {
                if (!seen[i])
                {
                    columns[i].AddMissing();
                }
            }

            if ((rows & 0xFFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Invoke(rows);
            }
        }

        if (rows == 0)
        {
            throw new GateInputException($"{path}: the file is empty (no JSON lines)");
        }

        return new Table { Path = path, Sha256 = hashing.Finish(), Format = TableFormat.Jsonl, Rows = rows, Columns = columns };
    }

    private static void ReadObject(ReadOnlySpan<byte> json, long row, List<ColumnAccumulator> columns, Dictionary<string, int> index,
        ref bool[] seen, ref byte[] scratch, TableReadOptions options)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("each line must be one JSON object ({...})");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (!index.TryGetValue(name, out var i))
            {
                i = columns.Count;
                index[name] = i;
                columns.Add(options.NewColumn(name, missingBefore: row - 1));
                if (seen.Length <= i)
                {
                    Array.Resize(ref seen, seen.Length * 2);
                }
            }

            if (seen[i])
            {
                throw new JsonException($"key '{name}' appears twice");
            }

            seen[i] = true;
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    columns[i].AddMissing();
                    break;
                case JsonTokenType.String:
                    columns[i].Add(Unescaped(ref reader, ref scratch), row);
                    break;
                case JsonTokenType.Number:
                    columns[i].Add(reader.ValueSpan, row);
                    break;
                case JsonTokenType.True:
                    columns[i].Add("true"u8, row);
                    break;
                case JsonTokenType.False:
                    columns[i].Add("false"u8, row);
                    break;
                default:
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    columns[i].Add(json[start..((int)reader.BytesConsumed)], row);
                    break;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            throw new JsonException("expected one object per line");
        }
    }

    private static ReadOnlySpan<byte> Unescaped(ref Utf8JsonReader reader, ref byte[] scratch)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            return reader.ValueSpan;
        }

        var length = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (scratch.Length < length)
        {
            scratch = new byte[length * 2];
        }

        var written = reader.CopyString(scratch);
        return scratch.AsSpan(0, written);
    }

    /// <summary>The lines of the stream as UTF-8, without line breaks.</summary>
    private static IEnumerable<ReadOnlyMemory<byte>> Lines(Stream stream)
    {
        var buffer = new byte[1 << 16];
        int start = 0, end = 0;
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                yield return buffer.AsMemory(start, newline);
                start += newline + 1;
                continue;
            }

            if (start > 0)
            {
                Array.Copy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }

            if (end == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var n = stream.Read(buffer, end, buffer.Length - end);
            if (n == 0)
            {
                if (end > start)
                {
                    yield return buffer.AsMemory(start, end - start);
                }

                yield break;
            }

            end += n;
        }
    }
}
