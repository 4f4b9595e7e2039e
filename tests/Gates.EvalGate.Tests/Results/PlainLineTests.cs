using System.Text;
using Gates.EvalGate.Results;
using Gates.EvalGate.Results.Jsonl;

namespace Gates.EvalGate.Tests.Results;

/// <summary>
/// The plain-line path and the general parser give the same events and the same errors on every line: the lines
/// users write, and thousands of seeded mutations of them (most of them invalid JSON or not plain).
/// </summary>
public class PlainLineTests
{
    private static readonly string[] Seeds =
    [
        """{"id":"q-0000001","grounded":true,"halluc":false,"relevancy":0.248,"faith":0.32,"latency_ms":3962,"tokens":{"in":1396,"out":265},"category":"c3","cost":0.00062}""",
        """{ "item_id" : 17 , "score" : -0.5e-3 , "ok" : null , "meta" : { "a" : { "b" : 1E+2 } , "c" : {} } }""",
        """{"id": 12345678901234567890, "x": 0, "y": -0, "z": 1.7976931348623157e308, "w": 1e999, "v": 123456789012345678}""",
        """{"sample_id":"héllo wörld ✓","text":"plain text, with: punctuation {} [] and digits 123","n":3}""",
        """{"id":"a\"b","note":"tab\there","s":"\u00e9","k\u0065y":1}""",
        """{"id":"x","tags":["a","b",{"c":1}],"score":0.9}""",
        """{"id":"y","score":NaN,"other":"NaN","inf":Infinity,"neg":-Infinity}""",
        """{"id":"z","score":"NaN","x":"Infinity"}""",
        """{"id":"d","a":1,"a":2,"b":{"a":3},"b":4}""",
        """{}""",
        """  {"doc_id":"t","empty":{},"deep":{"e":{"f":{"g":{"h":true}}}}}  """,
        """{"id":"q","v":1}{"id":"r"}""",
        Nested(20),
        Nested(40),
    ];

    /// <summary>An object nested <paramref name="depth"/> deep, a number at the bottom.</summary>
    private static string Nested(int depth) =>
        "{\"id\":\"n\"," + string.Concat(Enumerable.Range(0, depth).Select(i => $"\"k{i}\":{{")) + "\"v\":1" + new string('}', depth + 1);

    private const string Noise = "{}[]\",:0123456789-.eE+ \tntfrau\\\u00e9";

    [Fact]
    public void Both_paths_agree_on_seeds_and_their_mutations()
    {
        var random = new Random(20261203);
        var lines = new List<string>();
        foreach (var seed in Seeds)
        {
            lines.Add(seed);
            for (var i = 0; i < 400; i++)
            {
                lines.Add(Mutate(seed, random));
            }
        }

        foreach (var hashIds in new[] { false, true })
        {
            var plain = Scanner(hashIds, plainPath: true);
            var general = Scanner(hashIds, plainPath: false);
            foreach (var line in lines)
            {
                Describe(plain, line).ShouldBe(Describe(general, line), line);
            }

            plain.PlainLines.ShouldBeGreaterThan(lines.Count / 10, "the plain path must read a good share of these lines");
            general.PlainLines.ShouldBe(0);
        }
    }

    [Fact]
    public void The_lines_of_a_typical_results_file_take_the_plain_path_and_odd_ones_do_not()
    {
        var scanner = Scanner(hashIds: true, plainPath: true);
        Describe(scanner, Seeds[0]);
        Describe(scanner, Seeds[1]);
        Describe(scanner, Seeds[3]);
        scanner.PlainLines.ShouldBe(3);
        Describe(scanner, Nested(20));
        scanner.PlainLines.ShouldBe(4);
        foreach (var odd in new[] { Seeds[4], Seeds[5], Seeds[6], Seeds[7], Seeds[8], Seeds[11], Nested(40) })
        {
            Describe(scanner, odd);
        }

        scanner.PlainLines.ShouldBe(4);
    }

    [Fact]
    public void Both_paths_agree_when_the_guessed_names_change_from_line_to_line()
    {
        // The plain path guesses each name from the line before (by position and parent object): these lines move
        // names to other positions and parents, reuse a nested name at the top (a flattened "a.x" is the same
        // field), shorten and lengthen names around a guess, and use names too long for the word compares.
        var lines = new[]
        {
            """{"a":{"x":1,"y":2},"b":3}""",
            """{"b":{"x":1,"y":2},"a":3}""",
            """{"a":{"x":1,"y":2},"b":3}""",
            """{"a.x":4,"a":{"y":5},"b":6}""",
            """{"a":{"x":1,"y":2},"b":3}""",
            """{"a":{"xx":1,"y":2},"b":3}""",
            """{"a":{"":1,"y":2},"b":3}""",
            """{"a":{"x":1,"y":2},"b":3,"b":4}""",
            """{"a":{"x\u0031":1,"y":2},"b":3}""",
            """{"a":{"x":1,"y":2},"b":3}""",
            """{"a":{"x" :1,"y":2},"b":3}""",
            """{"a":{"x":{"y":2}},"b":3}""",
            """{"a":{"x":{"y":2}},"b":{"x":{"y":3}}}""",
            """{"a_rather_long_name_of_thirty_bytes":1,"fifteen_bytes_1":2,"sixteen_bytes_12":3}""",
            """{"a_rather_long_name_of_thirty_bytez":1,"fifteen_bytes_2":2,"sixteen_bytes_13":3}""",
            """{"a_rather_long_name_of_thirty_bytes":1,"fifteen_bytes_1":2,"sixteen_bytes_12":3}""",
            """{"a_rather_long_name_of_thirty_bytes":1,"fifteen_bytes_1":2,"sixteen_bytes_12"}""",
            "{\"a_rather_long_name_of_thirty_bytes\":1,\"fifteen_bytes_1\":2,\"sixteen_bytes_12\"",
            """{"a":1}""",
            "{\"a",
            "{\"a\"",
            "{\"a\\\"",
            """{"é":1,"ü":{"é":2}}""",
            """{"ü":{"é":2},"é":1}""",
        };
        foreach (var hashIds in new[] { false, true })
        {
            var plain = Scanner(hashIds, plainPath: true);
            var general = Scanner(hashIds, plainPath: false);
            foreach (var line in lines.Concat(lines.Reverse()))
            {
                Describe(plain, line).ShouldBe(Describe(general, line), line);
            }

            plain.PlainLines.ShouldBeGreaterThan(lines.Length);
        }
    }

    private static LineScanner Scanner(bool hashIds, bool plainPath) =>
        new("results.jsonl", ReadOptions.Default, ["id"], hashIds) { PlainPath = plainPath };

    /// <summary>Everything a scan hands on: success, each event, ids' texts, and the error message.</summary>
    private static string Describe(LineScanner scanner, string line)
    {
        var into = new ScannedLines(scanner.Fields);
        var ok = scanner.Scan(Encoding.UTF8.GetBytes(line), 7, into);
        var text = new StringBuilder(ok ? "ok" : "failed: " + into.Error!.Message);
        foreach (var e in into.Events)
        {
            var number = BitConverter.DoubleToInt64Bits(e.Number);
            var id = e.Text >= 0 ? into.Text(e.Text) : e.Text.ToString(System.Globalization.CultureInfo.InvariantCulture);
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $" | {into.Field(e).Name} {e.Kind} {number} {id}");
        }

        foreach (var (number, end) in into.Lines)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $" line {number} ends {end}");
        }

        return text.ToString();
    }

    private static string Mutate(string seed, Random random)
    {
        var text = new StringBuilder(seed);
        for (var edits = random.Next(1, 4); edits > 0 && text.Length > 0; edits--)
        {
            var at = random.Next(text.Length);
            switch (random.Next(4))
            {
                case 0:
                    text.Remove(at, 1);
                    break;
                case 1:
                    text.Insert(at, Noise[random.Next(Noise.Length)]);
                    break;
                case 2:
                    text[at] = Noise[random.Next(Noise.Length)];
                    break;
                default:
                    var length = Math.Min(random.Next(1, 12), text.Length - at);
                    text.Insert(random.Next(text.Length), text.ToString(at, length));
                    break;
            }
        }

        return text.ToString();
    }
}
