using System.Text.Json;
using Gates.EvalGate.Results;
using Gates.EvalGate.Tests.Results;
using Xunit.Abstractions;

namespace Gates.EvalGate.Tests.Corpus;

/// <summary>Every lm-evaluation-harness results file of the corpus (0.3 and 0.4 formats) gives each metric as the file stores it.</summary>
public class LmEvalResultsCorpusTests(ITestOutputHelper output)
{
    private const string Folder = "lm-eval-results";

    [SkippableFact]
    public void Every_metric_of_every_file_has_the_files_value_stderr_and_n()
    {
        foreach (var file in EvalOutputs.Files(Folder, output))
        {
            var results = EvalOutputs.Read(file);
            results.Format.ShouldBe("lm-eval", file);
            using var json = EvalOutputs.Json(file);
            var root = json.RootElement;
            var checkedMetrics = 0;
            foreach (var task in root.GetProperty("results").EnumerateObject())
            {
                foreach (var entry in task.Value.EnumerateObject().Where(e => e.Value.ValueKind == JsonValueKind.Number))
                {
                    var (metric, filter) = Split(entry.Name);
                    if (metric.EndsWith("_stderr", StringComparison.Ordinal) && task.Value.TryGetProperty(Key(metric[..^7], filter), out _))
                    {
                        continue;
                    }

                    var name = $"{task.Name}.{entry.Name}";
                    var found = results.Find(name).ShouldBeOfType<MetricFind.Found>(name);
                    var observation = found.Observation;
                    observation.Value.ShouldBe(entry.Value.GetDouble(), name);
                    if (task.Value.TryGetProperty(Key(metric + "_stderr", filter), out var stderr) && stderr.ValueKind == JsonValueKind.Number)
                    {
                        observation.StdErr.ShouldBe(stderr.GetDouble(), name);
                    }
                    else
                    {
                        observation.StdErr.ShouldBeNull(name);
                    }

                    if (root.TryGetProperty("n-samples", out var samples) && samples.TryGetProperty(task.Name, out var counts))
                    {
                        observation.N.ShouldBe(counts.GetProperty("effective").GetInt64(), name);
                    }

                    checkedMetrics++;
                }
            }

            checkedMetrics.ShouldBeGreaterThan(0, file);
            output.WriteLine($"{Path.GetFileName(file)}: {checkedMetrics} metrics match the file");
        }
    }

    [SkippableFact]
    public void A_0_3_file_reads_plain_metric_keys_with_their_stderr_and_no_n()
    {
        if (EvalOutputs.File(Folder, "oldformat-bloom-1b1_common_sense_reasoning_0-shot.json", output) is not { } file)
        {
            return;
        }

        using var json = EvalOutputs.Json(file);
        var hellaswag = json.RootElement.GetProperty("results").GetProperty("hellaswag");
        var results = EvalOutputs.Read(file);

        var accNorm = results.Found("hellaswag.acc_norm");
        accNorm.Value.ShouldBe(hellaswag.GetProperty("acc_norm").GetDouble());
        accNorm.StdErr.ShouldBe(hellaswag.GetProperty("acc_norm_stderr").GetDouble());
        accNorm.N.ShouldBeNull();
        results.Found("hellaswag.acc,none").Value.ShouldBe(hellaswag.GetProperty("acc").GetDouble());
        results.Found("mc_taco.f1").StdErr.ShouldBeNull();
        results.MetricNames.ShouldNotContain("hellaswag.acc_norm_stderr");
        results.Warnings.ShouldBeEmpty();
    }

    [SkippableFact]
    public void A_limited_run_keeps_its_n_and_warns()
    {
        if (EvalOutputs.File(Folder, "llama3-8b-instruct-asdiv-results_2024-08-21.json", output) is not { } file)
        {
            return;
        }

        using var json = EvalOutputs.Json(file);
        var counts = json.RootElement.GetProperty("n-samples").GetProperty("asdiv");
        var results = EvalOutputs.Read(file);

        var acc = results.FoundWithNote("asdiv.acc");
        acc.Observation.N.ShouldBe(counts.GetProperty("effective").GetInt64());
        acc.Note.ShouldBe($"scored on {counts.GetProperty("effective").GetInt64()} of {counts.GetProperty("original").GetInt64()} documents (--limit was used)");
        results.Warnings.ShouldHaveSingleItem().ShouldContain("--limit was used");
    }

    [SkippableFact]
    public void An_NA_stderr_and_a_named_filter_leave_no_stderr_but_keep_n_and_direction()
    {
        if (EvalOutputs.File(Folder, "gemma-2b-masakhaner-results_2026-01-16.json", output) is not { } file)
        {
            return;
        }

        using var json = EvalOutputs.Json(file);
        var root = json.RootElement;
        var task = root.GetProperty("results").GetProperty("masakhaner_luo_prompt_1");
        task.GetProperty("f1_stderr,flexible-extract").GetString().ShouldBe("N/A");

        var f1 = EvalOutputs.Read(file).FoundWithNote("masakhaner_luo_prompt_1.f1,flexible-extract");

        f1.Observation.Value.ShouldBe(task.GetProperty("f1,flexible-extract").GetDouble());
        f1.Observation.StdErr.ShouldBeNull();
        f1.Observation.N.ShouldBe(root.GetProperty("n-samples").GetProperty("masakhaner_luo_prompt_1").GetProperty("effective").GetInt64());
        f1.Observation.HigherIsBetter.ShouldBe(true);
        f1.Note!.ShouldContain("stderr");
    }

    [SkippableFact]
    public void Groups_and_negative_and_lower_is_better_metrics_read_as_stored()
    {
        if (EvalOutputs.File(Folder, "qwen2.5-1.5b-results_2025-03-03.json", output) is not { } file)
        {
            return;
        }

        using var json = EvalOutputs.Json(file);
        var root = json.RootElement;
        var results = EvalOutputs.Read(file);

        results.Found("groups.mmlu.acc").Value.ShouldBe(root.GetProperty("groups").GetProperty("mmlu").GetProperty("acc,none").GetDouble());
        results.Found("cola.mcc").Value.ShouldBe(root.GetProperty("results").GetProperty("cola").GetProperty("mcc,none").GetDouble());
        results.Found("cola.mcc").Value.ShouldBeLessThan(0);
        results.Found("lambada_openai.perplexity").HigherIsBetter.ShouldBe(false);
        results.MetricNames.Count().ShouldBeGreaterThanOrEqualTo(root.GetProperty("results").EnumerateObject().Count());
    }

    private static (string Metric, string? Filter) Split(string key)
    {
        var comma = key.IndexOf(',');
        return comma < 0 ? (key, null) : (key[..comma], key[(comma + 1)..]);
    }

    private static string Key(string metric, string? filter) => filter is null ? metric : $"{metric},{filter}";
}
