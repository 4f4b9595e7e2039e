using System.Text.Json;
using Gates.EvalGate.Tests.Results;
using Xunit.Abstractions;

namespace Gates.EvalGate.Tests.Corpus;

/// <summary>lm-eval per-sample JSONL read as per-item JSONL: numeric per-sample metrics give their mean, list-valued ones say why not.</summary>
public class LmEvalSamplesCorpusTests(ITestOutputHelper output)
{
    private const string Folder = "lm-eval-samples";

    [SkippableFact]
    public void Every_file_reads_as_jsonl_with_one_item_per_document()
    {
        foreach (var file in EvalOutputs.Files(Folder, output))
        {
            var lines = EvalOutputs.Lines(file);
            var results = EvalOutputs.Read(file);

            results.Format.ShouldBe("jsonl", file);
            results.MetricNames.ShouldNotContain("doc_id", file);
            lines.Select(l => l.GetProperty("doc_id").GetInt64()).Distinct().Count().ShouldBe(lines.Count, file);
            results.Warnings.ShouldNotContain(w => w.Contains("repeat an item id"), file);
        }
    }

    [SkippableFact]
    public void A_numeric_per_sample_metric_gives_the_results_files_value()
    {
        if (EvalOutputs.File(Folder, "llama3-8b-instruct-samples_asdiv_2024-08-21.jsonl", output) is not { } file)
        {
            return;
        }

        var lines = EvalOutputs.Lines(file);
        using var summary = EvalOutputs.Json(EvalOutputs.File("lm-eval-results", "llama3-8b-instruct-asdiv-results_2024-08-21.json", output)!);

        var acc = EvalOutputs.Read(file).Found("acc");

        acc.N.ShouldBe(lines.Count);
        acc.Successes.ShouldBe(lines.Count(l => l.GetProperty("acc").GetDouble() == 1));
        acc.Value.ShouldBe(summary.RootElement.GetProperty("results").GetProperty("asdiv").GetProperty("acc,none").GetDouble(), 1e-12);
    }

    [SkippableFact]
    public void A_corpus_level_metric_stored_as_lists_is_refused_with_the_reason()
    {
        if (EvalOutputs.File(Folder, "gemma-2b-samples_masakhaner_luo_prompt_1_2026-01-16.jsonl", output) is not { } file)
        {
            return;
        }

        EvalOutputs.Lines(file)[0].GetProperty("f1").ValueKind.ShouldBe(JsonValueKind.Array);

        var results = EvalOutputs.Read(file);

        results.InvalidReason("f1").ShouldStartWith($"{file}:1: metric 'f1' holds lists, not numbers (first on line 1)");
        results.MetricNames.ShouldNotContain("f1");
    }
}
