using System.Text.Json;
using Gates.EvalGate.Results;
using Gates.EvalGate.Tests.Results;
using Xunit.Abstractions;

namespace Gates.EvalGate.Tests.Corpus;

/// <summary>Real openai/evals records: one finished with only a final report, one cut short before it.</summary>
public class OpenAiEvalsCorpusTests(ITestOutputHelper output)
{
    private const string Folder = "openai-evals";

    [SkippableFact]
    public void Every_record_reads_as_openai_evals_and_every_final_report_value_is_kept()
    {
        foreach (var file in EvalOutputs.Files(Folder, output))
        {
            var results = EvalOutputs.Read(file);
            results.Format.ShouldBe("openai-evals", file);
            var report = EvalOutputs.Lines(file).Select(l => l.TryGetProperty("final_report", out var r) ? r : (JsonElement?)null).LastOrDefault(r => r is not null);
            foreach (var value in report?.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number) ?? [])
            {
                results.Found("final_report." + value.Name).Value.ShouldBe(value.Value.GetDouble(), value.Name);
            }
        }
    }

    [SkippableFact]
    public void Accuracy_from_a_final_report_alone_takes_n_from_n_samples()
    {
        if (EvalOutputs.File(Folder, "self_prompting-oriprompt-baseline.jsonl", output) is not { } file)
        {
            return;
        }

        var report = EvalOutputs.Lines(file)[1].GetProperty("final_report");
        var accuracy = report.GetProperty("accuracy").GetDouble();
        var n = report.GetProperty("n_samples").GetInt64();

        var results = EvalOutputs.Read(file);
        var found = results.FoundWithNote("accuracy");

        found.Observation.Value.ShouldBe(accuracy);
        found.Observation.N.ShouldBe(n);
        found.Observation.Successes.ShouldBe((long)Math.Round(accuracy * n));
        found.Note.ShouldBe($"from final_report, n = final_report.n_samples = {n} (no match events)");
        results.Warnings.ShouldBeEmpty();
    }

    [SkippableFact]
    public void A_record_cut_short_is_read_as_incomplete_without_an_accuracy()
    {
        if (EvalOutputs.File(Folder, "biomed-gpt-4-cot_semantic_role_recognition.jsonl", output) is not { } file)
        {
            return;
        }

        var lines = EvalOutputs.Lines(file);
        lines.Count(l => l.TryGetProperty("final_report", out var _)).ShouldBe(0);
        var sampling = lines.Count(l => l.TryGetProperty("type", out var t) && t.GetString() == "sampling");
        var metrics = lines.Count(l => l.TryGetProperty("type", out var t) && t.GetString() == "metrics");

        var results = EvalOutputs.Read(file);

        var described = $"{metrics} metrics and {sampling} sampling events";
        results.Warnings.ShouldBe([$"{file}: no final_report line: the run stopped before it finished ({described})"]);
        results.InvalidReason("accuracy").ShouldBe($"{file}: metric 'accuracy' was never recorded: the run stopped early ({described}, no match events and no final_report)");
        results.InvalidReason("metrics.score").ShouldBe($"{file}: metric 'metrics.score' has no values: all {metrics} items lack it");
        results.MetricNames.ShouldBe(["metrics.score"]);
    }
}
