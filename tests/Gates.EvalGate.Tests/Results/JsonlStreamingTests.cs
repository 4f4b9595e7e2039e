using System.Globalization;
using System.Text;
using Gates.EvalGate.Results;
using Gates.Testing;

namespace Gates.EvalGate.Tests.Results;

/// <summary>A generated 50,000-line file read through the streaming path (no timing asserted).</summary>
public class JsonlStreamingTests
{
    private const int Lines = 50_000;

    [Fact]
    public void A_large_file_is_streamed_to_exact_counts_and_means()
    {
        using var folder = new TempFolder();
        var path = folder.File("large.jsonl");
        var (passes, scoreSum) = Generate(path);

        var results = EvalResultsReader.Read(path, ResultsFormat.Auto, ReadOptions.Default);

        results.Format.ShouldBe("jsonl");
        var passed = results.Found("passed");
        passed.N.ShouldBe(Lines);
        passed.Successes.ShouldBe(passes);
        var score = results.Found("scores.judge");
        score.N.ShouldBe(Lines);
        score.Value.ShouldBe(scoreSum / Lines, 1e-9);
        results.Found("tokens.completion").N.ShouldBe(Lines);
        results.Sha256.ShouldBe(Fixtures.Sha256Of(path));
        results.ItemValues("passed").ShouldBeNull();
    }

    [Fact]
    public void Items_of_a_large_file_can_be_kept_for_pairing()
    {
        using var folder = new TempFolder();
        var path = folder.File("large.jsonl");
        var (passes, _) = Generate(path);

        var results = EvalResultsReader.Read(path, ResultsFormat.Jsonl,
            new ReadOptions { KeepItems = true, Metrics = new HashSet<string> { "passed" } });

        var items = results.ItemValues("passed")!;
        items.Count.ShouldBe(Lines);
        items.Values.Sum().ShouldBe(passes);
        results.ItemValues("scores.judge").ShouldBeNull("only the wanted metrics keep items");
    }

    private static (long Passes, double ScoreSum) Generate(string path)
    {
        var random = new Random(42);
        long passes = 0;
        double sum = 0;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        for (var i = 0; i < Lines; i++)
        {
            var passed = random.NextDouble() < 0.83;
            var judge = Math.Round(random.NextDouble(), 4);
            passes += passed ? 1 : 0;
            sum += judge;
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{{\"id\":\"item-{i:D6}\",\"passed\":{(passed ? "true" : "false")},\"scores\":{{\"judge\":{judge},\"rouge_l\":{Math.Round(random.NextDouble(), 3)}}},\"tokens\":{{\"prompt\":{random.Next(50, 900)},\"completion\":{random.Next(5, 300)}}},\"category\":\"c{i % 7}\"}}\n"));
        }

        return (passes, sum);
    }
}
