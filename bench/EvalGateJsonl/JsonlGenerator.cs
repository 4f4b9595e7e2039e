using System.Globalization;
using System.Text;

namespace Gates.Bench.EvalGateJsonl;

/// <summary>Writes an N-line per-item JSONL file shaped like a judge-scored RAG evaluation (~150 bytes a line, 10 fields).</summary>
internal static class JsonlGenerator
{
    public static void Write(string path, long lines, int seed = 1)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        var line = new StringBuilder(200);
        for (long i = 0; i < lines; i++)
        {
            line.Clear();
            line.Append(CultureInfo.InvariantCulture,
                $"{{\"id\":\"q-{i:D7}\",\"grounded\":{Bool(random, 0.87)},\"halluc\":{Bool(random, 0.06)},");
            line.Append(CultureInfo.InvariantCulture,
                $"\"relevancy\":{Math.Round(random.NextDouble(), 3)},\"faith\":{Math.Round(random.NextDouble(), 3)},");
            line.Append(CultureInfo.InvariantCulture,
                $"\"latency_ms\":{random.Next(300, 4000)},\"tokens\":{{\"in\":{random.Next(100, 2000)},\"out\":{random.Next(10, 400)}}},");
            line.Append(CultureInfo.InvariantCulture, $"\"category\":\"c{random.Next(12)}\",\"cost\":{Math.Round(random.NextDouble() / 1000, 5)}}}\n");
            writer.Write(line);
        }
    }

    private static string Bool(Random random, double p) => random.NextDouble() < p ? "true" : "false";
}
