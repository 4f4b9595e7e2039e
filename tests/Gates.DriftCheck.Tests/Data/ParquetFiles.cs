using System.Globalization;
using CsvHelper;
using Parquet;
using Parquet.Schema;

namespace Gates.DriftCheck.Tests.Data;

/// <summary>Writes a CSV table as Parquet: whole-number columns as int64, other numeric columns as double, the rest as strings; empty cells are nulls.</summary>
internal static class ParquetFiles
{
    public static void FromCsv(string csv, string parquet, int rowsPerGroup)
    {
        var (headers, rows) = ReadCsv(csv);
        var fields = headers.Select((h, i) => Field(h, rows.Select(r => r[i]).ToList())).ToArray();
        Write(parquet, fields, rows, rowsPerGroup).GetAwaiter().GetResult();
    }

    private static (string[] Headers, List<string[]> Rows) ReadCsv(string path)
    {
        using var reader = CsvReader.FromFile(path);
        var headers = reader.Headers.ToArray();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. headers.Select(h => reader.GetString(h))]);
        }

        return (headers, rows);
    }

    private static DataField Field(string name, List<string> values)
    {
        var present = values.Where(v => v != "").ToList();
        if (present.All(v => long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
        {
            return new DataField<long?>(name);
        }

        return present.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            ? new DataField<double?>(name)
            : new DataField<string>(name, true);
    }

    private static async Task Write(string path, DataField[] fields, List<string[]> rows, int rowsPerGroup)
    {
        await using var file = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), file);
        foreach (var chunk in rows.Chunk(rowsPerGroup))
        {
            using var group = writer.CreateRowGroup();
            for (var i = 0; i < fields.Length; i++)
            {
                var cells = chunk.Select(r => r[i]).ToArray();
                if (fields[i].ClrType == typeof(long))
                {
                    await group.WriteAsync<long>(fields[i], cells.Select(c => c == "" ? (long?)null : long.Parse(c, CultureInfo.InvariantCulture)).ToArray().AsMemory());
                }
                else if (fields[i].ClrType == typeof(double))
                {
                    await group.WriteAsync<double>(fields[i], cells.Select(c => c == "" ? (double?)null : double.Parse(c, CultureInfo.InvariantCulture)).ToArray().AsMemory());
                }
                else
                {
                    await group.WriteAsync(fields[i], cells.Select(c => c == "" ? null! : c).ToArray());
                }
            }
        }
    }
}
