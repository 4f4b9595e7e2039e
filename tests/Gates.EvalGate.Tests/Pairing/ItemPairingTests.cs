using System.Globalization;
using System.Text;
using Gates.Core.Statistics;
using Gates.Core.Thresholds;
using Gates.EvalGate.Results;
using Gates.EvalGate.Results.Jsonl;
using Gates.EvalGate.Tests.Results.Parallel;
using Gates.Testing;

namespace Gates.EvalGate.Tests.Pairing;

/// <summary>
/// Pairing two per-item JSONL files through the compact id table gives exactly what pairing their values as
/// string-keyed dictionaries (the way every other format pairs, and the way JSONL paired before) gives.
/// </summary>
public class ItemPairingTests
{
    private static readonly HashSet<string> Score = new(StringComparer.Ordinal) { "score" };

    [Theory]
    [InlineData("ok", 0, false)]
    [InlineData("ok", 1, false)]
    [InlineData("score", 2, false)]
    [InlineData("score", 3, false)]
    [InlineData("ok", 0, true)]
    [InlineData("ok", 1, true)]
    [InlineData("score", 2, true)]
    [InlineData("score", 3, true)]
    public void Compact_pairing_equals_pairing_by_string_keys(string metric, int seed, bool shareIds)
    {
        using var folder = new TempFolder();
        var current = Read(folder.Write("current.jsonl", Items(seed, 0.7)), metric);
        var baseline = Read(folder.Write("baseline.jsonl", Items(seed + 100, 0.6)), metric, shareIds ? current : null);
        ((ItemValueMap)baseline.ItemValues(metric)!).Ids.Extends(((ItemValueMap)current.ItemValues(metric)!).Ids).ShouldBe(shareIds);
        var compact = current.ItemValues(metric).ShouldBeOfType<ItemValueMap>();

        var fast = ItemPairing.Match(compact, baseline.ItemValues(metric)!);
        var slow = ItemPairing.Match(new Dictionary<string, double>(compact), new Dictionary<string, double>(baseline.ItemValues(metric)!));

        fast.Matched.ShouldBeGreaterThan(100);
        (fast.Matched, fast.CurrentOnly, fast.BaselineOnly, fast.ZeroOne, fast.BaselineOnlyCorrect, fast.CurrentOnlyCorrect)
            .ShouldBe((slow.Matched, slow.CurrentOnly, slow.BaselineOnly, slow.ZeroOne, slow.BaselineOnlyCorrect, slow.CurrentOnlyCorrect));
        fast.ZeroOne.ShouldBe(metric == "ok");
        var (fc, fb) = fast.InIdOrder();
        var (sc, sb) = slow.InIdOrder();
        fc.ShouldBe(sc);
        fb.ShouldBe(sb);
    }

    [Theory]
    [InlineData("ok", false)]
    [InlineData("score", false)]
    [InlineData("ok", true)]
    [InlineData("score", true)]
    public void A_delta_gate_reads_the_same_through_the_compact_store(string metric, bool shareIds)
    {
        using var folder = new TempFolder();
        var current = Read(folder.Write("current.jsonl", Items(7, 0.7)), metric);
        var baseline = Read(folder.Write("baseline.jsonl", Items(8, 0.6)), metric, shareIds ? current : null);

        var fast = new BaselineComparer(new MetricSources([current]), new MetricSources([baseline]), 42, 500).Delta(metric, DeltaMode.Absolute, 0.95);
        var slow = new BaselineComparer(new MetricSources([new KeyedResults(current)]), new MetricSources([new KeyedResults(baseline)]), 42, 500)
            .Delta(metric, DeltaMode.Absolute, 0.95);

        fast.Paired.ShouldNotBeNull();
        fast.Paired!.ToJsonString().ShouldBe(slow.Paired!.ToJsonString());
        fast.Observation.ShouldBe(slow.Observation);
        fast.PValue.ShouldBe(slow.PValue);
    }

    [Fact]
    public void A_repeated_id_reads_the_file_again_so_every_metric_counts_items()
    {
        using var folder = new TempFolder();
        var path = folder.Write("items.jsonl", "{\"id\": \"a\", \"ok\": true, \"score\": 1}\n\n{\"id\": 2, \"ok\": false, \"score\": 4}\n{\"id\": \"a\", \"ok\": false, \"score\": 3}\n");
        var all = new ReadOptions { KeepItems = true };

        var limited = EvalResultsReader.Read(path, ResultsFormat.Jsonl, all with { PairedMetrics = Score });
        var full = EvalResultsReader.Read(path, ResultsFormat.Jsonl, all);

        limited.Warnings.ShouldBe(full.Warnings);
        limited.Warnings.ShouldContain($"{path}: 1 line(s) repeat an item id ('a' on line 4 repeats line 1); lines of one id are runs of one item: metrics count 2 items (3 runs)");
        limited.Find("ok").ShouldBe(full.Find("ok"));
        limited.Find("score").ShouldBe(full.Find("score"));
        limited.ItemRuns("ok").ShouldBe(full.ItemRuns("ok"));
        limited.ItemValues("score")!.OrderBy(p => p.Key, StringComparer.Ordinal).ShouldBe([new("2", 4.0), new("a", 2.0)]);
    }

    [Fact]
    public void A_baseline_sharing_the_current_ids_reads_its_repeats_and_own_items_as_one_reading_alone()
    {
        using var folder = new TempFolder();
        var current = Read(folder.Write("current.jsonl", "{\"id\": \"a\", \"score\": 1}\n{\"id\": \"b\", \"score\": 2}\n"), "score");
        var path = folder.Write("baseline.jsonl", "{\"id\": \"c\", \"score\": 5}\n{\"id\": \"b\", \"score\": 4}\n{\"id\": \"b\", \"score\": 6}\n");

        var shared = Read(path, "score", current);
        var alone = Read(path, "score");

        shared.Warnings.ShouldBe(alone.Warnings);
        shared.Warnings.ShouldContain($"{path}: 1 line(s) repeat an item id ('b' on line 3 repeats line 2); lines of one id are runs of one item: metrics count 2 items (3 runs)");
        shared.ItemValues("score")!.ShouldBe(alone.ItemValues("score")!);
        shared.ItemRuns("score").ShouldBe(alone.ItemRuns("score"));
        var pairing = ItemPairing.Match(current.ItemValues("score")!, shared.ItemValues("score")!);
        (pairing.Matched, pairing.CurrentOnly, pairing.BaselineOnly).ShouldBe((1, 1, 1));
        var (c, b) = pairing.InIdOrder();
        (c.Single(), b.Single()).ShouldBe((2.0, 5.0));
    }

    [Theory]
    [InlineData(64)]
    [InlineData(4096)]
    public void A_file_with_repeated_ids_read_for_pairing_of_one_metric_reads_as_with_every_metric_kept(int bufferSize)
    {
        using var folder = new TempFolder();
        var path = new GeneratedJsonl(600) { RepeatIds = true, BlankLines = true }.WriteTo(folder.File("items.jsonl"));
        var all = new ReadOptions { KeepItems = true };

        var (sequential, parallel) = ReadComparison.Both(path, all with { PairedMetrics = new HashSet<string> { "ok" } }, bufferSize);

        sequential.ShouldContain("repeat an item id");
        sequential.ShouldBe(ReadComparison.Both(path, all, bufferSize).Sequential);
        parallel.ShouldBe(sequential);
    }

    [Fact]
    public void Without_repeats_a_read_for_pairing_in_parallel_equals_the_sequential_one()
    {
        using var folder = new TempFolder();
        var path = new GeneratedJsonl(600) { BlankLines = true }.WriteTo(folder.File("items.jsonl"));

        var (sequential, parallel) = ReadComparison.Both(path, new ReadOptions { KeepItems = true, PairedMetrics = new HashSet<string> { "ok" } }, 64);

        sequential.ShouldNotContain("repeat an item id");
        sequential.ShouldContain(",q-1=");
        parallel.ShouldBe(sequential);
    }

    [Fact]
    public void Without_repeats_only_the_paired_metrics_keep_item_values()
    {
        using var folder = new TempFolder();
        var path = folder.Write("items.jsonl", Items(1, 0.5));

        var results = EvalResultsReader.Read(path, ResultsFormat.Jsonl, new ReadOptions { KeepItems = true, PairedMetrics = Score });
        var full = EvalResultsReader.Read(path, ResultsFormat.Jsonl, new ReadOptions { KeepItems = true });

        results.ItemValues("ok").ShouldBeNull();
        results.ItemValues("score")!.OrderBy(p => p.Key, StringComparer.Ordinal).ShouldBe(full.ItemValues("score")!.OrderBy(p => p.Key, StringComparer.Ordinal));
        results.Find("ok").ShouldBe(full.Find("ok"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Escaped_and_literal_ids_are_one_item_and_a_number_id_matches_its_text(bool shareIds)
    {
        using var folder = new TempFolder();
        var current = Read(folder.Write("current.jsonl", "{\"id\": \"caf\\u00e9\", \"ok\": 1}\n{\"id\": 17, \"ok\": 0}\n{\"id\": \"\\ud83d\\ude00\", \"ok\": 1}\n{\"id\": \"x\", \"ok\": 1}\n"), "ok");
        var baseline = Read(folder.Write("baseline.jsonl", "{\"id\": \"café\", \"ok\": 0}\n{\"id\": \"17\", \"ok\": 0}\n{\"id\": \"😀\", \"ok\": 1}\n{\"id\": \"y\", \"ok\": 1}\n"), "ok", shareIds ? current : null);

        var pairing = ItemPairing.Match(current.ItemValues("ok")!, baseline.ItemValues("ok")!);

        (pairing.Matched, pairing.CurrentOnly, pairing.BaselineOnly, pairing.CurrentOnlyCorrect, pairing.BaselineOnlyCorrect).ShouldBe((3, 1, 1, 1, 0));
        current.ItemValues("ok")!.Keys.ShouldBe(["café", "17", "😀", "x"]);
    }

    /// <param name="pairedWith">For a baseline: the current results whose ids it shares, as eval-gate reads it.</param>
    private static IEvalResults Read(string path, string metric, IEvalResults? pairedWith = null) =>
        EvalResultsReader.Read(path, ResultsFormat.Jsonl, new ReadOptions
        {
            KeepItems = true, PairedMetrics = new HashSet<string> { metric }, SharedIds = ((ComputedResults?)pairedWith)?.Ids,
        });

    /// <summary>A few hundred items with tricky ids (unicode, escapes, numbers), some only in one file, some without a value.</summary>
    private static string Items(int seed, double rate)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        for (var i = 0; i < 600; i++)
        {
            if (random.Next(10) == 0)
            {
                continue;
            }

            var id = (i % 6) switch
            {
                0 => i.ToString(CultureInfo.InvariantCulture),
                1 => $"\"é-{i}\"",
                2 => $"\"\\u00e9\\n{i}\"",
                3 => $"\"😀{i}\"",
                4 => $"\"\\uffee{i}\"",
                _ => $"\"q-{i:D4}\"",
            };
            var ok = random.Next(12) == 0 ? "null" : random.NextDouble() < rate ? "true" : "false";
            var score = Math.Round(random.NextDouble(), 3).ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{{\"id\": {id}, \"ok\": {ok}, \"score\": {score}}}\n");
        }

        return text.ToString();
    }

    /// <summary>The same results, with per-item values as a plain dictionary: paired by their string keys.</summary>
    private sealed class KeyedResults(IEvalResults inner) : IEvalResults
    {
        public string Path => inner.Path;

        public string Format => inner.Format;

        public string Sha256 => inner.Sha256;

        public IReadOnlyList<string> Warnings => inner.Warnings;

        public IEnumerable<string> MetricNames => inner.MetricNames;

        public MetricFind Find(string metric) => inner.Find(metric);

        public IReadOnlyDictionary<string, double>? ItemValues(string metric) =>
            inner.ItemValues(metric) is { } values ? new Dictionary<string, double>(values, StringComparer.Ordinal) : null;

        public IReadOnlyList<ItemRuns>? ItemRuns(string metric) => inner.ItemRuns(metric);
    }
}
