using System.Globalization;
using System.Text;

namespace Gates.EvalGate.Tests.Results.Parallel;

/// <summary>
/// Seeded per-item JSONL with the shapes a reader must get right: nested objects, nulls, absent and repeated keys,
/// NaN, lists, text with multi-byte characters, blank lines, CRLF, a BOM, repeated ids.
/// </summary>
internal sealed record GeneratedJsonl(int Lines, int Seed = 1)
{
    public bool Crlf { get; init; }

    public bool Bom { get; init; }

    public bool BlankLines { get; init; }

    public bool RepeatIds { get; init; }

    /// <summary>Lines whose text is replaced (1-based line numbers as written, blank lines included).</summary>
    public IReadOnlyDictionary<int, string> Replace { get; init; } = new Dictionary<int, string>();

    public byte[] Bytes()
    {
        var random = new Random(Seed);
        var text = new StringBuilder();
        var newline = Crlf ? "\r\n" : "\n";
        var written = 0;
        for (var i = 0; i < Lines; i++)
        {
            if (BlankLines && random.Next(5) == 0)
            {
                text.Append(random.Next(2) == 0 ? "" : "  \t").Append(newline);
                written++;
            }

            written++;
            text.Append(Replace.TryGetValue(written, out var replaced) ? replaced : Line(random, i)).Append(newline);
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        return Bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes;
    }

    public string WriteTo(string path)
    {
        File.WriteAllBytes(path, Bytes());
        return path;
    }

    private string Line(Random random, int i)
    {
        var id = RepeatIds ? i / 3 : i;
        var line = new StringBuilder("{");
        line.Append(CultureInfo.InvariantCulture, $"\"id\":\"q-{id}\"");
        if (random.Next(10) > 0)
        {
            line.Append(CultureInfo.InvariantCulture, $",\"ok\":{(random.NextDouble() < 0.8 ? "true" : "false")}");
        }

        line.Append(CultureInfo.InvariantCulture, $",\"score\":{Score(random)}");
        line.Append(CultureInfo.InvariantCulture, $",\"tokens\":{{\"in\":{random.Next(1, 900)},\"out\":{random.Next(1, 90)}}}");
        line.Append(CultureInfo.InvariantCulture, $",\"answer\":\"{Words[random.Next(Words.Length)]}\"");
        if (random.Next(7) == 0)
        {
            line.Append(",\"refs\":[1,2,{\"x\":3}]");
        }

        if (random.Next(11) == 0)
        {
            line.Append(CultureInfo.InvariantCulture, $",\"late_{random.Next(3)}\":{random.Next(5)}");
        }

        if (random.Next(13) == 0)
        {
            line.Append(",\"score\":0.5");
        }

        return line.Append('}').ToString();
    }

    private static string Score(Random random) => random.Next(40) switch
    {
        0 => "null",
        1 => "NaN",
        _ => Math.Round(random.NextDouble(), 4).ToString(CultureInfo.InvariantCulture),
    };

    private static readonly string[] Words = ["plain", "café", "naïve — ok", "日本語の答え", "emoji 🎉 here", "\\u00e9scaped", "𝄞 clef"];
}
