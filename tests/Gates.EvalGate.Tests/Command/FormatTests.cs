using Gates.Testing.Tools;
using static Gates.EvalGate.Tests.Command.EvalGateHarness;

namespace Gates.EvalGate.Tests.Command;

/// <summary>Each input format runs through the whole command on a realistic file.</summary>
public class FormatTests
{
    private static RunResult Gate(string fixture, string yaml, params string[] extra)
    {
        using var gate = new EvalGateHarness();
        var t = gate.Folder.Write("t.yaml", yaml);
        return gate.Run(["-r", Fixture(fixture), "-t", t, "--format", "json", .. extra]);
    }

    [Fact]
    public void Lm_evaluation_harness_names_with_commas_and_stderr()
    {
        var result = Gate("lm-eval-results.json", "gates:\n  hellaswag:\n    metric: hellaswag.acc,none\n    min: 0.2\n  arc:\n    metric: results.arc_easy.acc,none\n    min: 0.7\n").ShouldExit(0);

        result.Stdout.ShouldContain("\"method\": \"normal (stderr)\"");
    }

    [Fact]
    public void Promptfoo_pass_rate_gets_a_wilson_interval()
    {
        Gate("promptfoo-results.json", "gates:\n  pass:\n    metric: pass_rate\n    min: 0.5\n").Stdout.ShouldContain("\"method\": \"wilson\"");
    }

    [Fact]
    public void Openai_evals_accuracy_is_recomputed_from_match_events()
    {
        var result = Gate("openai-evals-match.jsonl", "gates:\n  acc:\n    metric: accuracy\n    min: 0.1\n");

        result.Stdout.ShouldContain("\"method\": \"wilson\"");
        result.Stdout.ShouldContain("openai-evals");
    }

    [Fact]
    public void Per_item_jsonl_rates_and_means()
    {
        var result = Gate("items.jsonl", "gates:\n  grounded:\n    metric: grounded\n    min: 0.5\n  relevancy:\n    metric: relevancy\n    min: 0.5\n  faithfulness:\n    metric: judge.faithfulness\n    min: 0.3\n").ShouldExit(0);

        result.Stdout.ShouldContain("\"method\": \"wilson\"");
        result.Stdout.ShouldContain("\"method\": \"student-t\"");
    }

    [Fact]
    public void A_named_format_that_does_not_fit_is_exit_2()
    {
        Gate("flat-metrics.json", "gates:\n  g:\n    metric: groundedness_score\n    min: 0.5\n", "--results-format", "lm-eval").ShouldExit(2);
    }

    [Fact]
    public void Several_results_files_are_searched_and_a_metric_in_two_is_ambiguous()
    {
        using var gate = new EvalGateHarness();
        var t = gate.Folder.Write("t.yaml", "gates:\n  g:\n    metric: groundedness_score\n    min: 0.5\n  h:\n    metric: hellaswag.acc,none\n    min: 0.2\n");

        gate.Run("-r", Fixture("flat-metrics.json"), "-r", Fixture("lm-eval-results.json"), "-t", t).ShouldExit(0);
        gate.Run("-r", Fixture("flat-metrics.json"), "-r", Fixture("flat-metrics.json"), "-t", t).ShouldExit(2).Stderr.ShouldContain("in both");
    }
}
