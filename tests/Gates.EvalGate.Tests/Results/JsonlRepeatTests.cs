using Gates.EvalGate.Results;
using Gates.Testing;

namespace Gates.EvalGate.Tests.Results;

/// <summary>
/// Per-item JSONL whose item id repeats on several lines: the lines are runs of one item, so n counts items and
/// the interval comes from item-level outcomes (as promptfoo --repeat); lm-eval per-sample files cluster by doc_id.
/// </summary>
public class JsonlRepeatTests
{
    [Fact]
    public void Repeated_ids_are_runs_of_one_item_and_n_counts_items()
    {
        using var folder = new TempFolder();
        var path = folder.Write("items.jsonl", Lines(("a", true), ("a", true), ("a", true), ("b", false), ("b", false), ("b", false), ("c", true), ("c", false), ("c", true)));

        var results = EvalResultsReader.Read(path, ResultsFormat.Jsonl, ReadOptions.Default);

        var ok = results.Find("ok").ShouldBeOfType<MetricFind.Found>().Observation;
        ok.N.ShouldBe(3);
        ok.Runs.ShouldBe(9);
        ok.Value.ShouldBe((1 + 0 + (2.0 / 3)) / 3, 1e-12);
        results.ItemRuns("ok").ShouldNotBeNull().Select(r => (r.Id, r.Runs, r.Passes)).ShouldBe([("a", 3, 3), ("b", 3, 0), ("c", 3, 2)]);
        results.Warnings.ShouldContain($"{path}: 6 line(s) repeat an item id ('a' on line 2 repeats line 1); lines of one id are runs of one item: metrics count 3 items (9 runs)");
    }

    [Fact]
    public void A_repeated_deterministic_run_never_narrows_the_interval_below_the_item_level_one()
    {
        using var folder = new TempFolder();
        var once = Lines([.. Enumerable.Range(0, 12).Select(i => ($"t{i}", i < 4))]);
        var thrice = Lines([.. Enumerable.Range(0, 36).Select(i => ($"t{i % 12}", i % 12 < 4))]);

        var single = EvalResultsReader.Read(folder.Write("once.jsonl", once), ResultsFormat.Jsonl, ReadOptions.Default).Find("ok");
        var repeated = EvalResultsReader.Read(folder.Write("thrice.jsonl", thrice), ResultsFormat.Jsonl, ReadOptions.Default).Find("ok");

        var a = single.ShouldBeOfType<MetricFind.Found>().Observation;
        var b = repeated.ShouldBeOfType<MetricFind.Found>().Observation;
        b.N.ShouldBe(a.N);
        b.Value.ShouldBe(a.Value, 1e-12);
    }

    [Fact]
    public void Paired_values_of_a_repeated_item_are_the_mean_of_its_runs()
    {
        using var folder = new TempFolder();
        var path = folder.Write("items.jsonl", "{\"id\": \"a\", \"score\": 1}\n{\"id\": \"b\", \"score\": 4}\n{\"id\": \"a\", \"score\": 3}\n");

        var results = EvalResultsReader.Read(path, ResultsFormat.Jsonl, new ReadOptions { KeepItems = true });

        results.ItemValues("score").ShouldNotBeNull().OrderBy(kv => kv.Key).ShouldBe([new("a", 2.0), new("b", 4.0)]);
    }

    [Fact]
    public void Lm_eval_samples_with_repeats_count_documents_not_responses()
    {
        using var folder = new TempFolder();
        var lines = string.Concat(Enumerable.Range(0, 10).Select(d =>
            $"{{\"doc_id\": {d}, \"resps\": [[\"a\"], [\"b\"], [\"c\"]], \"filtered_resps\": [\"a\"], \"acc\": {(d < 7 ? "1.0" : "0.0")}}}\n"));
        var path = folder.Write("samples_arc.jsonl", lines);

        var acc = EvalResultsReader.Read(path, ResultsFormat.Jsonl, ReadOptions.Default).Find("acc").ShouldBeOfType<MetricFind.Found>().Observation;

        acc.N.ShouldBe(10);
        acc.Value.ShouldBe(0.7, 1e-12);
    }

    [Fact]
    public void Lm_eval_samples_written_once_per_response_cluster_by_doc_id()
    {
        using var folder = new TempFolder();
        var lines = string.Concat(Enumerable.Range(0, 30).Select(i =>
            $"{{\"doc_id\": {i / 3}, \"resps\": [[\"x\"]], \"acc\": {(i / 3 < 7 ? "1.0" : "0.0")}}}\n"));
        var path = folder.Write("samples_arc.jsonl", lines);

        var results = EvalResultsReader.Read(path, ResultsFormat.Jsonl, ReadOptions.Default);
        var acc = results.Find("acc").ShouldBeOfType<MetricFind.Found>().Observation;

        acc.N.ShouldBe(10);
        acc.Runs.ShouldBe(30);
        results.MetricNames.ShouldNotContain("doc_id");
    }

    private static string Lines(params (string Id, bool Ok)[] items) =>
        string.Concat(items.Select(i => $"{{\"id\": \"{i.Id}\", \"ok\": {(i.Ok ? "true" : "false")}}}\n"));
}
