using System.Globalization;
using System.Text;
using Gates.Testing;
using Parquet.Serialization;

namespace Gates.DriftCheck.Tests.Embeddings;

/// <summary>Seeded embedding vectors (mean 0.3, sd 1 in every dimension; a shift adds to the first dimensions) written as JSON lines, CSV prefix columns or Parquet lists.</summary>
internal static class EmbeddingFiles
{
    public static float[][] Vectors(int seed, int rows, int dimension, double shift = 0, int shifted = 0)
    {
        var normal = TestData.Normal(seed, rows * dimension);
        var vectors = new float[rows][];
        for (var i = 0; i < rows; i++)
        {
            vectors[i] = new float[dimension];
            for (var j = 0; j < dimension; j++)
            {
                vectors[i][j] = (float)(0.3 + normal[(i * dimension) + j] + (j < shifted ? shift : 0));
            }
        }

        return vectors;
    }

    public static string Jsonl(TempFolder folder, string name, float[][] vectors, string column = "embedding") =>
        folder.Write(name, string.Concat(vectors.Select((v, i) => $"{{\"id\":{i},\"{column}\":[{string.Join(",", v.Select(F))}]}}\n")));

    public static string CsvPrefix(TempFolder folder, string name, float[][] vectors, string prefix = "emb_")
    {
        var b = new StringBuilder();
        b.AppendLine("id," + string.Join(",", Enumerable.Range(0, vectors[0].Length).Select(j => prefix + j.ToString(CultureInfo.InvariantCulture))));
        for (var i = 0; i < vectors.Length; i++)
        {
            b.AppendLine(i.ToString(CultureInfo.InvariantCulture) + "," + string.Join(",", vectors[i].Select(F)));
        }

        return folder.Write(name, b.ToString());
    }

    public static string Parquet(TempFolder folder, string name, float[][] vectors)
    {
        var path = folder.File(name);
        var rows = vectors.Select((v, i) => new Row { Id = i, Embedding = v }).ToList();
        using var file = File.Create(path);
        ParquetSerializer.SerializeAsync(rows, file).GetAwaiter().GetResult();
        return path;
    }

    /// <summary>A thresholds file declaring the embedding column (ParquetSerializer names it after the property, "Embedding").</summary>
    public static string Thresholds(TempFolder folder, string? prefix = null, bool critical = true, string name = "embedding") => folder.Write("thresholds.yaml",
        "gates:\n  no-critical-drift:\n    metric: critical_drifted_columns\n    max: 0\n    comparison: lte\n" +
        $"columns:\n  {name}:\n    type: embedding\n" + (prefix is null ? "" : $"    prefix: {prefix}\n") + $"    critical: {(critical ? "true" : "false")}\n");

    private static string F(float v) => v.ToString("R", CultureInfo.InvariantCulture);

    public sealed class Row
    {
        public int Id { get; set; }
        public float[] Embedding { get; set; } = [];
    }
}
