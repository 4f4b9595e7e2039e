using System.Text.Json;
using Gates.EvalGate.Results;
using Gates.EvalGate.Tests.Command;
using Gates.EvalGate.Tests.Results;
using Gates.Testing;

namespace Gates.EvalGate.Tests.Promptfoo;

/// <summary>
/// Output of the real promptfoo CLI (offline: its echo provider and a local provider file), gated by eval-gate.
/// The counts are asserted against what promptfoo itself wrote in out.json.
/// </summary>
public class PromptfooCliTests
{
    private const int PromptfooFailed = 100;

    [Fact]
    public void One_prompt_with_every_test_passing_gates_to_a_pass()
    {
        using var folder = new TempFolder();
        var (code, output, log) = PromptfooCli.Eval(folder, """
            prompts:
              - "Answer: {{answer}}"
            providers:
              - echo
            tests:
              - vars: {answer: "yes"}
                assert: [{type: contains, value: "yes"}]
              - vars: {answer: "maybe"}
                assert: [{type: icontains, value: "MAYBE"}]
            """);

        code.ShouldBe(0, log);
        Stats(output).ShouldBe((2, 0, 0));
        var passRate = EvalResultsReader.Read(output, ResultsFormat.Auto).Found("pass_rate");
        (passRate.Successes, passRate.N, passRate.Value).ShouldBe((2L, 2L, 1.0));
        Gate(output, "gates:\n  pass:\n    metric: pass_rate\n    min: 1\n").ShouldExit(0);
    }

    [Fact]
    public void Several_prompts_and_providers_give_one_result_each_and_a_rate_per_provider()
    {
        using var folder = new TempFolder();
        var (code, output, log) = PromptfooCli.Eval(folder, """
            prompts:
              - "Say {{word}}"
              - "Repeat {{word}}"
            providers:
              - {id: echo, label: first}
              - {id: echo, label: second}
            tests:
              - vars: {word: "one"}
                assert: [{type: contains, value: "Say"}]
              - vars: {word: "two"}
                assert: [{type: contains, value: "two"}]
            """);

        code.ShouldBe(PromptfooFailed, log);
        Stats(output).ShouldBe((6, 2, 0));
        var results = EvalResultsReader.Read(output, ResultsFormat.Auto, new ReadOptions { KeepItems = true });
        results.Found("pass_rate").Successes.ShouldBe(6);
        results.Found("pass_rate").N.ShouldBe(8);
        results.Found("provider.first.pass_rate").Successes.ShouldBe(3);
        results.Found("provider.second.pass_rate").N.ShouldBe(4);
        results.ItemValues("pass_rate")!.Count.ShouldBe(8);
        results.Warnings.ShouldContain(w => w.Contains("results from 2 providers are pooled"));
        Gate(output, "gates:\n  first:\n    metric: provider.first.pass_rate\n    min: 0.7\n").ShouldExit(0);
    }

    [Fact]
    public void A_failing_assertion_counts_against_the_pass_rate_and_fails_the_gate()
    {
        using var folder = new TempFolder();
        var (code, output, log) = PromptfooCli.Eval(folder, """
            prompts:
              - "Answer: {{answer}}"
            providers:
              - echo
            tests:
              - vars: {answer: "yes"}
                assert: [{type: contains, value: "yes"}]
              - vars: {answer: "no"}
                assert: [{type: contains, value: "yes"}]
              - vars: {answer: "maybe"}
                assert: [{type: contains, value: "maybe"}]
            """);

        code.ShouldBe(PromptfooFailed, log);
        Stats(output).ShouldBe((2, 1, 0));
        var results = EvalResultsReader.Read(output, ResultsFormat.Auto);
        results.Found("pass_rate").Successes.ShouldBe(2);
        results.Found("pass_rate").N.ShouldBe(3);
        results.Found("error_rate").Value.ShouldBe(0);
        results.Found("score").Value.ShouldBe(2.0 / 3, 1e-12);
        Gate(output, "gates:\n  pass:\n    metric: pass_rate\n    min: 0.9\n").ShouldExit(1).Stdout.ShouldContain("0.6667");
    }

    [Fact]
    public void An_errored_test_counts_as_an_error_and_a_failure()
    {
        using var folder = new TempFolder();
        folder.Write("refusing.js", """
            module.exports = class {
              id() { return 'refusing'; }
              async callApi(prompt) {
                return prompt.includes('refuse') ? { error: 'upstream refused' } : { output: prompt };
              }
            };
            """);
        var (code, output, log) = PromptfooCli.Eval(folder, """
            prompts:
              - "Say {{word}}"
            providers:
              - file://refusing.js
            tests:
              - vars: {word: "ok"}
                assert: [{type: contains, value: "ok"}]
              - vars: {word: "refuse"}
                assert: [{type: contains, value: "refuse"}]
            """);

        code.ShouldBe(PromptfooFailed, log);
        Stats(output).ShouldBe((1, 0, 1));
        var results = EvalResultsReader.Read(output, ResultsFormat.Auto);
        results.Found("pass_rate").Successes.ShouldBe(1);
        results.Found("pass_rate").N.ShouldBe(2);
        results.Found("error_rate").Successes.ShouldBe(1);
        Gate(output, "gates:\n  errors:\n    metric: error_rate\n    max: 0\n").ShouldExit(1);
    }

    /// <summary>promptfoo's own successes, failures and errors from results.stats.</summary>
    private static (int Successes, int Failures, int Errors) Stats(string output)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(output));
        var stats = json.RootElement.GetProperty("results").GetProperty("stats");
        return (stats.GetProperty("successes").GetInt32(), stats.GetProperty("failures").GetInt32(), stats.GetProperty("errors").GetInt32());
    }

    private static Gates.Testing.Tools.RunResult Gate(string output, string thresholds)
    {
        using var gate = new EvalGateHarness();
        return gate.Run("--ci", "none", "-r", output, "-t", gate.Folder.Write("t.yaml", thresholds));
    }
}
