using System.Globalization;
using System.Text.Json;

namespace Gates.DriftCheck.Data;

/// <summary>
/// Collects one embedding column: every vector goes into the running sum (for the centroid) and a seeded reservoir
/// sample of float32 rows. The first vector sets the dimension; a missing vector, a non-number, NaN or ±∞, or a vector
/// of another length is a problem that stops the run, with the row and the column.
/// </summary>
internal sealed class EmbeddingCollector(string name, int capacity, int seed)
{
    private readonly Random random = new(seed);
    private readonly List<float[]> sample = [];
    private double[]? sum;
    private float[]? parts;
    private int partsFilled;
    private long partsRow;

    public string Name => name;

    public int Dimension => sum?.Length ?? 0;

    public long Rows { get; private set; }

    /// <summary>The row of the last vector taken.</summary>
    public long LastRow { get; private set; }

    public IReadOnlyList<float[]> Sample => sample;

    /// <summary>The mean vector of every row read.</summary>
    public double[] Mean => sum is null ? [] : [.. sum.Select(s => s / Math.Max(Rows, 1))];

    /// <summary>The first problem: row and what is wrong.</summary>
    public (long Row, string What)? Problem { get; private set; }

    /// <summary>For prefix columns: the number of parts (set from the header).</summary>
    public int PartCount { get; set; }

    public void AddJson(ReadOnlySpan<byte> cell, long row)
    {
        if (Problem is not null)
        {
            return;
        }

        var values = new List<float>(Math.Max(Dimension, 16));
        try
        {
            var reader = new Utf8JsonReader(cell);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                Fail(row, $"not an array of numbers ('{Short(cell)}')");
                return;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetSingle(out var value))
                {
                    Fail(row, $"element {values.Count} is {(reader.TokenType == JsonTokenType.Null ? "null" : "not a number")}");
                    return;
                }

                values.Add(value);
            }
        }
        catch (JsonException e)
        {
            Fail(row, $"not a JSON array of numbers: {e.Message}");
            return;
        }

        Add([.. values], row);
    }

    public void AddPart(int index, ReadOnlySpan<byte> cell, long row)
    {
        if (Problem is not null)
        {
            return;
        }

        if (row != partsRow)
        {
            CompleteParts();
            parts = new float[PartCount];
            partsFilled = 0;
            partsRow = row;
        }

        if (!float.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            Fail(row, $"part {index} is '{Short(cell)}', not a number");
            return;
        }

        parts![index] = value;
        partsFilled++;
    }

    public void AddMissing(long row, int? part = null) =>
        Fail(row, part is { } p ? $"part {p} is missing" : "the vector is missing (every row needs one)");

    /// <summary>Completes the last row of prefix parts.</summary>
    public void CompleteParts()
    {
        if (parts is not null && Problem is null)
        {
            if (partsFilled != PartCount)
            {
                Fail(partsRow, $"only {partsFilled} of the {PartCount} prefix columns have a value in this row " +
                    "(prefix columns are read from CSV or JSON lines; in Parquet store the vector as a list column)");
                return;
            }

            var row = parts;
            parts = null;
            Add(row, partsRow);
        }
    }

    private void Add(float[] vector, long row)
    {
        if (Problem is not null)
        {
            return;
        }

        if (row != LastRow + 1)
        {
            AddMissing(LastRow + 1);
            return;
        }

        LastRow = row;
        if (vector.Length == 0)
        {
            Fail(row, "the vector is empty");
            return;
        }

        sum ??= new double[vector.Length];
        if (vector.Length != sum.Length)
        {
            Fail(row, $"the vector has {vector.Length} values, earlier rows have {sum.Length}");
            return;
        }

        for (var j = 0; j < vector.Length; j++)
        {
            if (!float.IsFinite(vector[j]))
            {
                Fail(row, $"element {j} is {vector[j].ToString(CultureInfo.InvariantCulture)}");
                return;
            }

            sum[j] += vector[j];
        }

        Rows++;
        if (sample.Count < capacity)
        {
            sample.Add(vector);
        }
        else if (random.NextInt64(Rows) is var slot && slot < capacity)
        {
            sample[(int)slot] = vector;
        }
    }

    private void Fail(long row, string what) => Problem ??= (row, what);

    private static string Short(ReadOnlySpan<byte> cell)
    {
        var text = System.Text.Encoding.UTF8.GetString(cell[..Math.Min(cell.Length, 40)]);
        return cell.Length > 40 ? text + "…" : text;
    }
}

/// <summary>A list column (JSON array per cell) of an embedding.</summary>
internal sealed class EmbeddingSink(EmbeddingCollector collector) : CellSink
{
    public override bool Replaces => true;

    public override void Add(ReadOnlySpan<byte> cell, long row) => collector.AddJson(cell, row);

    public override void AddMissing(long row) => collector.AddMissing(row);
}

/// <summary>One numeric column prefixN of an embedding spread over CSV columns.</summary>
internal sealed class EmbeddingPartSink(EmbeddingCollector collector, int index) : CellSink
{
    public override bool Replaces => true;

    public override void Add(ReadOnlySpan<byte> cell, long row) => collector.AddPart(index, cell, row);

    public override void AddMissing(long row) => collector.AddMissing(row, index);
}
