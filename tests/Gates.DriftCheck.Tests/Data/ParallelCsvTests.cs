using System.Globalization;
using System.Text;
using Gates.Cli.Inputs;
using Gates.DriftCheck.Data;
using Gates.DriftCheck.Profiling;
using Gates.Testing;

namespace Gates.DriftCheck.Tests.Data;

public class ParallelCsvTests
{
    [Fact]
    public void A_large_file_read_in_parallel_parts_gives_the_profile_of_one_sequential_pass()
    {
        using var folder = new TempFolder();
        var path = folder.File("big.csv");
        Write(path, quoteAt: -1);

        var parallel = Profile(path, parallel: true);
        var sequential = Profile(path, parallel: false);

        new FileInfo(path).Length.ShouldBeGreaterThan(ParallelCsv.PartBytes + 1_000_000);
        Encoding.UTF8.GetString(ProfileJson.Write(parallel, 1000, 1_000_000)).ShouldBe(Encoding.UTF8.GetString(ProfileJson.Write(sequential, 1000, 1_000_000)));
        parallel.Find("id")!.Type.ShouldBe(ColumnType.Identifier);
        parallel.Find("m")!.TypeReason.ShouldContain("first 'oops' at row 900001");
    }

    [Fact]
    public void A_file_read_again_in_parallel_with_reused_read_buffers_gives_the_same_profile()
    {
        using var folder = new TempFolder();
        var path = folder.File("again.csv");
        Write(path, quoteAt: -1);

        var first = ProfileJson.Write(Profile(path, parallel: true), 1000, 1_000_000);
        var second = ProfileJson.Write(Profile(path, parallel: true), 1000, 1_000_000);

        Encoding.UTF8.GetString(second).ShouldBe(Encoding.UTF8.GetString(first));
    }

    [Fact]
    public void A_large_file_with_a_quote_is_read_by_the_full_reader()
    {
        using var folder = new TempFolder();
        var path = folder.File("quoted.csv");
        var rows = Write(path, quoteAt: 700_000);

        var table = TableReader.Read(path, new TableReadOptions(), CancellationToken.None);

        table.Rows.ShouldBe(rows);
        table.Columns.Single(c => c.Name == "k").Distinct.Entries().ShouldContain(e => e.Value == "a,b");
    }

    [Fact]
    public void A_large_file_with_a_free_text_column_is_read_again_in_one_pass_for_its_reservoir_sample()
    {
        using var folder = new TempFolder();
        var path = folder.File("text.csv");
        var random = new Random(5);
        string[] words = ["model", "latency", "refund", "order", "delivery", "account", "password", "invoice", "broken", "thanks"];
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write("x,review\n");
            for (var i = 0; i < 400_000; i++)
            {
                var review = string.Join(' ', Enumerable.Range(0, 6 + random.Next(6)).Select(_ => words[random.Next(words.Length)]));
                writer.Write($"{random.NextDouble():F4},{review}\n");
            }
        }

        var parallel = Samples(path, parallel: true);
        var sequential = Samples(path, parallel: false);

        new FileInfo(path).Length.ShouldBeGreaterThan(ParallelCsv.MinBytes);
        parallel.Texts["review"].Sample.ShouldNotBeNull();
        parallel.Texts["review"].Seen.ShouldBe(400_000);
        parallel.Texts["review"].Sample!.ShouldBe(sequential.Texts["review"].Sample!);
    }

    private static ColumnSamples Samples(string path, bool parallel)
    {
        var samples = new ColumnSamples(new Config.DriftSettings(), reference: true);
        using var stream = InputFiles.Open(path, "data file");
        CsvTableReader.Read(path, stream, new TableReadOptions { Samples = samples }, CancellationToken.None, parallel: parallel);
        return samples;
    }

    private static TableProfile Profile(string path, bool parallel)
    {
        using var stream = InputFiles.Open(path, "data file");
        var table = CsvTableReader.Read(path, stream, new TableReadOptions(), CancellationToken.None, parallel: parallel);
        return Profiler.Reference(table, new Dictionary<string, ColumnType>());
    }

    /// <summary>About 30 MB (two parts): an increasing id, a number with missing values, a category, a date, numbers with one word late in the file.</summary>
    private static long Write(string path, int quoteAt)
    {
        var random = new Random(11);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("id,x,k,when,m\r\n");
        long rows = 0;
        for (var i = 0; i < 1_000_000; i++)
        {
            var x = i % 1000 == 7 ? "" : (random.NextDouble() * 100).ToString("F3", CultureInfo.InvariantCulture);
            var m = i == 900_000 ? "oops" : (i % 100).ToString(CultureInfo.InvariantCulture);
            var k = i == quoteAt ? "\"a,b\"" : ((char)('a' + random.Next(5))).ToString();
            writer.Write($"{i},{x},{k},2024-01-{1 + (i % 28):00},{m}\r\n");
            rows++;
        }

        return rows;
    }
}
