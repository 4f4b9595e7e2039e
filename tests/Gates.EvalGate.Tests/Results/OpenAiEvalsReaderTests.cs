using Gates.Core;
using Gates.EvalGate.Results;
using Gates.Testing;

namespace Gates.EvalGate.Tests.Results;

public class OpenAiEvalsReaderTests
{
    [Fact]
    public void Accuracy_is_recomputed_from_match_events_with_the_bootstrap_std()
    {
        var results = Fixtures.Read("openai-evals-match.jsonl");

        results.Format.ShouldBe("openai-evals");
        var accuracy = results.Found("accuracy");
        accuracy.Successes.ShouldBe(16);
        accuracy.N.ShouldBe(20);
        accuracy.Value.ShouldBe(0.8);
        accuracy.StdErr.ShouldBe(0.0891);
        results.Found("final_report.boostrap_std").Value.ShouldBe(0.0891);
        results.Warnings.ShouldBeEmpty();
        results.Sha256.ShouldBe(Fixtures.Sha256Of(Fixtures.Path("openai-evals-match.jsonl")));
    }

    [Fact]
    public void Sample_ids_key_the_items()
    {
        var results = Fixtures.Read("openai-evals-match.jsonl", options: new ReadOptions { KeepItems = true });

        var items = results.ItemValues("accuracy")!;
        items.Count.ShouldBe(20);
        items["abstract2title.dev.2"].ShouldBe(0);
        items["abstract2title.dev.0"].ShouldBe(1);
    }

    [Fact]
    public void A_final_report_that_disagrees_with_the_events_is_reported()
    {
        using var folder = new TempFolder();
        var path = folder.Write("record.jsonl", """
            {"spec": {"eval_name": "x.dev.v0", "run_id": "r1"}}
            {"run_id": "r1", "event_id": 0, "sample_id": "x.dev.0", "type": "match", "data": {"correct": true}}
            {"run_id": "r1", "event_id": 1, "sample_id": "x.dev.1", "type": "match", "data": {"correct": false}}
            {"final_report": {"accuracy": 0.75, "boostrap_std": 0.2}}
            """);

        var results = EvalResultsReader.Read(path, ResultsFormat.Auto, ReadOptions.Default);

        results.Found("accuracy").Value.ShouldBe(0.5);
        results.Warnings.ShouldHaveSingleItem().ShouldBe($"{path}: final_report.accuracy is 0.75 but the match events give 1/2 = 0.5; using the events");
    }

    [Fact]
    public void Metrics_events_become_means()
    {
        using var folder = new TempFolder();
        var path = folder.Write("record.jsonl", """
            {"spec": {"eval_name": "coqa-closedqa-correct.dev.v0"}}
            {"run_id": "r", "event_id": 0, "sample_id": "s.0", "type": "metrics", "data": {"choice": "Y", "score": 1.0}}
            {"run_id": "r", "event_id": 1, "sample_id": "s.1", "type": "metrics", "data": {"choice": "N", "score": 0.0}}
            {"run_id": "r", "event_id": 2, "sample_id": "s.2", "type": "metrics", "data": {"choice": "Y", "score": 1.0}}
            {"final_report": {"counts/Y": 2, "counts/N": 1, "score": 0.6666666666666666}}
            """);

        var results = EvalResultsReader.Read(path, ResultsFormat.OpenAiEvals, ReadOptions.Default);

        var score = results.Found("metrics.score");
        score.Successes.ShouldBe(2);
        score.N.ShouldBe(3);
        results.Found("final_report.counts/Y").Value.ShouldBe(2);
        results.Find("accuracy").ShouldBeOfType<MetricFind.Missing>();
    }

    [Fact]
    public void Zero_events_and_a_NaN_accuracy_is_invalid()
    {
        using var folder = new TempFolder();
        var path = folder.Write("record.jsonl", "{\"spec\": {\"eval_name\": \"x\"}}\n{\"final_report\": {\"accuracy\": NaN, \"boostrap_std\": NaN}}\n");

        EvalResultsReader.Read(path, ResultsFormat.Auto, ReadOptions.Default).InvalidReason("accuracy")
            .ShouldBe($"{path}: metric 'accuracy' is NaN, not a finite number: the run recorded no match events");
    }

    [Fact]
    public void A_spec_without_events_or_report_is_an_input_error()
    {
        using var folder = new TempFolder();
        var path = folder.Write("record.jsonl", "{\"spec\": {\"eval_name\": \"x\"}}\n");

        Should.Throw<GateInputException>(() => EvalResultsReader.Read(path, ResultsFormat.OpenAiEvals, ReadOptions.Default))
            .Message.ShouldBe($"{path}: no events and no final_report: nothing was evaluated");
    }

    [Fact]
    public void A_match_without_a_boolean_correct_names_the_line()
    {
        using var folder = new TempFolder();
        var path = folder.Write("record.jsonl", "{\"spec\": {}}\n{\"type\": \"match\", \"sample_id\": \"a\", \"data\": {\"correct\": \"yes\"}}\n");

        Should.Throw<GateInputException>(() => EvalResultsReader.Read(path, ResultsFormat.OpenAiEvals, ReadOptions.Default))
            .Message.ShouldBe($"{path}:2: a match event needs a boolean data.correct");
    }

    [Fact]
    public void A_missing_final_report_is_a_warning()
    {
        using var folder = new TempFolder();
        var path = folder.Write("record.jsonl", "{\"spec\": {}}\n{\"type\": \"match\", \"sample_id\": \"a\", \"data\": {\"correct\": true}}\n");

        var results = EvalResultsReader.Read(path, ResultsFormat.OpenAiEvals, ReadOptions.Default);

        results.Found("accuracy").N.ShouldBe(1);
        results.Warnings.ShouldBe([$"{path}: no final_report line: the run stopped before it finished (1 match events)"]);
    }

    [Fact]
    public void A_second_match_for_a_sample_stops_pairing()
    {
        using var folder = new TempFolder();
        var path = folder.Write("record.jsonl", "{\"spec\": {}}\n{\"type\": \"match\", \"sample_id\": \"a\", \"data\": {\"correct\": true}}\n{\"type\": \"match\", \"sample_id\": \"a\", \"data\": {\"correct\": false}}\n");

        Should.Throw<GateInputException>(() => EvalResultsReader.Read(path, ResultsFormat.OpenAiEvals, new ReadOptions { KeepItems = true }))
            .Message.ShouldBe($"{path}:3: sample 'a' has a second match event (first on line 2); items cannot be paired");
    }
}
