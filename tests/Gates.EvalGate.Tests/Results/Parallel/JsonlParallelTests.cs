using System.Diagnostics;
using System.Text;
using Gates.EvalGate.Results;
using Gates.EvalGate.Results.Jsonl;
using Gates.Testing;

namespace Gates.EvalGate.Tests.Results.Parallel;

/// <summary>
/// The parallel JSONL reader (chunks of whole lines scanned on several cores, applied in file order) gives exactly what
/// the line-by-line reader gives: every metric, note, warning and kept item, and the same first error.
/// </summary>
public class JsonlParallelTests
{
    private static readonly ReadOptions Items = new() { KeepItems = true };

    public static TheoryData<string, int> Shapes() => new()
    {
        { "plain", 64 }, { "plain", 256 }, { "crlf", 64 }, { "bom", 64 }, { "blank", 128 }, { "repeats", 64 },
        { "crlf-bom-blank", 256 }, { "repeats", 4096 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Generated_files_read_in_parallel_equal_the_sequential_read(string shape, int bufferSize)
    {
        using var folder = new TempFolder();
        var path = Generated(shape, 600).WriteTo(folder.File("items.jsonl"));

        foreach (var options in new[] { ReadOptions.Default, Items, new ReadOptions { Metrics = new HashSet<string> { "ok", "tokens.in" } } })
        {
            var (sequential, parallel) = ReadComparison.Both(path, options, bufferSize);
            sequential.ShouldNotStartWith("GateInputException");
            parallel.ShouldBe(sequential);
        }
    }

    [Fact]
    public void A_malformed_line_anywhere_near_a_chunk_boundary_names_the_same_line()
    {
        using var folder = new TempFolder();
        for (var line = 1; line <= 12; line++)
        {
            var file = new GeneratedJsonl(12) { Replace = new Dictionary<int, string> { [line] = "{\"ok\": tru}", [line + 3] = "[1, 2]" } };
            var path = file.WriteTo(folder.File($"bad-{line}.jsonl"));
            foreach (var bufferSize in new[] { 64, 128, 256 })
            {
                var (sequential, parallel) = ReadComparison.Both(path, ReadOptions.Default, bufferSize);
                sequential.ShouldStartWith($"GateInputException: {path}:{line}: invalid JSON");
                parallel.ShouldBe(sequential, $"line {line}, buffer {bufferSize}");
            }
        }
    }

    [Fact]
    public void A_multi_byte_character_split_by_a_chunk_boundary_is_read_whole()
    {
        using var folder = new TempFolder();
        var text = string.Concat(Enumerable.Range(0, 40).Select(i => $"{{\"id\":\"é{i}\",\"ok\":true,\"note\":\"{new string('日', i % 9)}𝄞\"}}\n"));
        var path = folder.Write("utf8.jsonl", text);

        for (var bufferSize = 64; bufferSize <= 128; bufferSize += 16)
        {
            var (sequential, parallel) = ReadComparison.Both(path, Items, bufferSize);
            sequential.ShouldContain("ok: Found");
            parallel.ShouldBe(sequential);
        }
    }

    [Fact]
    public void Invalid_utf8_is_reported_at_the_same_byte_either_way()
    {
        using var folder = new TempFolder();
        var good = new GeneratedJsonl(40).Bytes();
        foreach (var at in new[] { 5, 300, 1000, good.Length - 2 })
        {
            var bytes = (byte[])good.Clone();
            bytes[at] = 0xFF;
            var path = folder.File($"bad-utf8-{at}.jsonl");
            File.WriteAllBytes(path, bytes);

            var (sequential, parallel) = ReadComparison.Both(path, ReadOptions.Default, 128);
            sequential.ShouldContain("invalid UTF-8");
            parallel.ShouldBe(sequential);
        }
    }

    [Fact]
    public void An_item_without_its_id_fails_pairing_on_the_same_line()
    {
        using var folder = new TempFolder();
        var path = new GeneratedJsonl(30) { Replace = new Dictionary<int, string> { [17] = "{\"ok\": true}" } }.WriteTo(folder.File("no-id.jsonl"));

        var (sequential, parallel) = ReadComparison.Both(path, Items, 64);

        sequential.ShouldBe($"GateInputException: {path}:17: the item has no id field 'id' (a string or number); every item needs one to be paired");
        parallel.ShouldBe(sequential);
    }

    [Theory]
    [InlineData("{\"ok\": true}", 1 << 20)]
    [InlineData("{\"ok\": true}\n{\"ok\": false}", 64)]
    [InlineData("", 64)]
    [InlineData("\n  \n\r\n", 64)]
    [InlineData("\uFEFF{\"ok\": true}\r\n", 64)]
    public void Files_smaller_than_a_chunk_read_the_same(string content, int bufferSize)
    {
        using var folder = new TempFolder();
        var path = folder.File("small.jsonl");
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(content));

        var (sequential, parallel) = ReadComparison.Both(path, ReadOptions.Default, bufferSize);

        parallel.ShouldBe(sequential);
    }

    [Fact]
    public void A_line_longer_than_the_buffer_grows_it_in_both_readers()
    {
        using var folder = new TempFolder();
        var longLine = $"{{\"id\":\"long\",\"ok\":true,\"text\":\"{new string('x', 1000)}\"}}";
        var path = new GeneratedJsonl(20) { Replace = new Dictionary<int, string> { [7] = longLine } }.WriteTo(folder.File("long.jsonl"));

        var (sequential, parallel) = ReadComparison.Both(path, Items, 64);

        parallel.ShouldBe(sequential);
    }

    [Fact]
    public async Task A_large_regular_file_is_read_in_parallel_by_default_and_a_pipe_line_by_line()
    {
        using var folder = new TempFolder();
        var path = new GeneratedJsonl(200).WriteTo(folder.File("items.jsonl"));
        var small = new JsonlReadMode(64);
        small.UseParallel(path).ShouldBe(Environment.ProcessorCount > 1);

        var fifo = folder.File("items.fifo");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
            mkfifo.ExitCode.ShouldBe(0);
        }

        small.UseParallel(fifo).ShouldBeFalse();
        var writer = Task.Run(() => File.WriteAllBytes(fifo, File.ReadAllBytes(path)));
        var streamed = ReadComparison.Describe(fifo, ReadOptions.Default, small);
        await writer.WaitAsync(TimeSpan.FromMinutes(2));

        streamed.ShouldBe(ReadComparison.Describe(path, ReadOptions.Default, small).Replace(path, fifo, StringComparison.Ordinal));
    }

    private static GeneratedJsonl Generated(string shape, int lines) => new(lines)
    {
        Crlf = shape.Contains("crlf", StringComparison.Ordinal),
        Bom = shape.Contains("bom", StringComparison.Ordinal),
        BlankLines = shape.Contains("blank", StringComparison.Ordinal),
        RepeatIds = shape.Contains("repeats", StringComparison.Ordinal),
    };
}
