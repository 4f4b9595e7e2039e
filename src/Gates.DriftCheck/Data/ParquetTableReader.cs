using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gates.Core;
using Gates.DriftCheck.Profiling;
using Parquet;
using Parquet.Schema;

namespace Gates.DriftCheck.Data;

/// <summary>
/// Reads Parquet one row group at a time, one column at a time, into the same accumulators as CSV and JSON lines:
/// every value goes in as the text CSV would hold (numbers in their shortest round-trip form, booleans as
/// true/false, timestamps as ISO 8601), nulls are missing, and list columns (embeddings) are kept as their JSON text
/// like JSON lines arrays.
/// </summary>
internal static class ParquetTableReader
{
    public static Table Read(string path, TableReadOptions options, CancellationToken ct, Action<long>? progress = null)
    {
        var sha256 = Hash(path);
        using var file = File.OpenRead(path);
        try
        {
            return ReadAsync(path, file, sha256, options, ct, progress).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not (OperationCanceledException or GateInputException))
        {
            // A damaged file can make the Parquet library fail in any way (out-of-range offsets, bad lengths, bad enums):
            // every such failure is an input error naming the file, never an internal error.
            throw new GateInputException($"{path}: not a readable Parquet file: {e.Message}");
        }
    }

    private static async Task<Table> ReadAsync(string path, Stream stream, string sha256, TableReadOptions options, CancellationToken ct, Action<long>? progress)
    {
        await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: ct);
        var fields = reader.Schema.GetDataFields();
        var columns = fields.Select(f => options.NewColumn(Name(f))).ToList();
        long rows = 0;
        var text = new ArrayBufferWriter();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            ct.ThrowIfCancellationRequested();
            using var group = reader.OpenRowGroupReader(g);
            for (var i = 0; i < fields.Length; i++)
            {
                using var raw = await group.ReadRawColumnDataBaseAsync(fields[i], ct);
                var (values, levels) = ParquetSlots.Of(raw, fields[i]);
                if (fields[i].MaxRepetitionLevel > 0)
                {
                    AddLists(columns[i], values, levels!, rows, text);
                }
                else
                {
                    for (var r = 0; r < values.Length; r++)
                    {
                        Add(columns[i], values[r], rows + r + 1, text);
                    }
                }
            }

            rows += group.RowCount;
            progress?.Invoke(rows);
        }

        if (rows == 0)
        {
            throw new GateInputException($"{path}: the Parquet file has no rows");
        }

        return new Table { Path = path, Sha256 = sha256, Format = TableFormat.Parquet, Rows = rows, Columns = columns };
    }

    /// <summary>A nested field is named by its path without the list wrappers ("embedding", not "embedding.list.element").</summary>
    private static string Name(DataField field) =>
        field.Path.ToList().Where(p => p is not "list" and not "element" and not "item" and not "array").FirstOrDefault() ?? field.Name;

    private static void Add(ColumnAccumulator column, object? value, long row, ArrayBufferWriter text)
    {
        if (value is null)
        {
            column.AddMissing();
            return;
        }

        text.Clear();
        Write(value, text);
        column.Add(text.Span, row);
    }

    /// <summary>A list per row (repetition level 0 starts a row), written as a JSON array; a row with only a null is missing.</summary>
    private static void AddLists(ColumnAccumulator column, object?[] data, int[] levels, long rowsBefore, ArrayBufferWriter text)
    {
        var row = rowsBefore;
        var start = 0;
        for (var k = 1; k <= data.Length; k++)
        {
            if (k < data.Length && levels[k] != 0)
            {
                continue;
            }

            row++;
            if (k - start == 1 && data[start] is null)
            {
                column.AddMissing();
            }
            else
            {
                text.Clear();
                text.Append("[");
                for (var j = start; j < k; j++)
                {
                    if (j > start)
                    {
                        text.Append(",");
                    }

                    var item = data[j];
                    if (item is null)
                    {
                        text.Append("null");
                    }
                    else if (item is string or ReadOnlyMemory<char> or ReadOnlyMemory<byte>)
                    {
                        text.Append(System.Text.Json.JsonSerializer.Serialize(Text(item)));
                    }
                    else
                    {
                        Write(item, text);
                    }
                }

                text.Append("]");
                column.Add(text.Span, row);
            }

            start = k;
        }
    }

    private static string Text(object value) => value switch
    {
        ReadOnlyMemory<char> chars => chars.ToString(),
        ReadOnlyMemory<byte> utf8 => Encoding.UTF8.GetString(utf8.Span),
        _ => value.ToString() ?? "",
    };

    private static void Write(object value, ArrayBufferWriter text) => text.Append(value switch
    {
        string s => s,
        ReadOnlyMemory<char> chars => chars.ToString(),
        ReadOnlyMemory<byte> utf8 => Encoding.UTF8.GetString(utf8.Span),
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'),
        DateTimeOffset o => o.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToBase64String(bytes),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    });

    private static string Hash(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }

    /// <summary>A reusable UTF-8 buffer for one value.</summary>
    private sealed class ArrayBufferWriter
    {
        private byte[] buffer = new byte[256];
        private int length;

        public ReadOnlySpan<byte> Span => buffer.AsSpan(0, length);

        public void Clear() => length = 0;

        public void Append(string text)
        {
            var needed = length + Encoding.UTF8.GetMaxByteCount(text.Length);
            if (needed > buffer.Length)
            {
                Array.Resize(ref buffer, Math.Max(needed, buffer.Length * 2));
            }

            length += Encoding.UTF8.GetBytes(text, buffer.AsSpan(length));
        }
    }
}
