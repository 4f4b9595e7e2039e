using Gates.EvalGate.Tests.Command;
using Gates.Testing.Tools;
using Xunit.Abstractions;

namespace Gates.EvalGate.Tests.Corpus;

/// <summary>eval-gate run end to end on real files with <c>decision: confident</c> gates: an interval where the file gives one, inconclusive where not.</summary>
public class CorpusGateTests(ITestOutputHelper output)
{
    private RunResult? Gate(string folder, string name, string metric, double min)
    {
        if (EvalOutputs.File(folder, name, output) is not { } file)
        {
            return null;
        }

        using var gate = new EvalGateHarness();
        var t = gate.Folder.Write("t.yaml", $"gates:\n  g:\n    metric: \"{metric}\"\n    min: {min.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n    decision: confident\n");
        return gate.Run("--ci", "none", "-r", file, "-t", t, "--format", "json");
    }

    [SkippableFact]
    public void A_0_3_lm_eval_metric_with_stderr_passes_on_its_normal_interval()
    {
        var result = Gate("lm-eval-results", "oldformat-bloom-1b1_common_sense_reasoning_0-shot.json", "hellaswag.acc_norm", 0.3)?.ShouldExit(0);

        result?.Stdout.ShouldContain("\"method\": \"normal (stderr)\"");
    }

    [SkippableFact]
    public void A_0_3_lm_eval_metric_without_stderr_is_inconclusive()
    {
        var result = Gate("lm-eval-results", "oldformat-bloom-1b1_common_sense_reasoning_0-shot.json", "mc_taco.f1", 0.3)?.ShouldExit(4);

        result?.Stdout.ShouldContain("no sample size in the results: cannot be confident");
    }

    [SkippableFact]
    public void Openai_evals_accuracy_with_n_samples_gets_a_wilson_interval()
    {
        var result = Gate("openai-evals", "self_prompting-oriprompt-baseline.jsonl", "accuracy", 0.15)?.ShouldExit(0);

        result?.Stdout.ShouldContain("\"method\": \"wilson\"");
        result?.Stdout.ShouldContain("\"n\": 1500");
    }

    [SkippableFact]
    public void A_gate_on_a_record_cut_short_is_an_input_error_that_says_so()
    {
        var result = Gate("openai-evals", "biomed-gpt-4-cot_semantic_role_recognition.jsonl", "accuracy", 0.5)?.ShouldExit(2);

        result?.Stderr.ShouldContain("the run stopped early");
    }

    [SkippableFact]
    public void An_lm_eval_metric_with_NA_stderr_is_inconclusive_under_a_confident_gate()
    {
        Gate("lm-eval-results", "gemma-2b-masakhaner-results_2026-01-16.json", "masakhaner_luo_prompt_1.f1,flexible-extract", 0.01)?.ShouldExit(4);
    }
}
