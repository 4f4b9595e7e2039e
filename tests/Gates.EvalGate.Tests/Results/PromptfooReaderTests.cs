using Gates.Core;
using Gates.EvalGate.Results;
using Gates.Testing;

namespace Gates.EvalGate.Tests.Results;

public class PromptfooReaderTests
{
    [Fact]
    public void Pass_rate_counts_errors_as_failures_and_keeps_successes_and_n()
    {
        var results = Fixtures.Read("promptfoo-results.json");

        results.Format.ShouldBe("promptfoo");
        var passRate = results.Found("pass_rate");
        passRate.Successes.ShouldBe(7);
        passRate.N.ShouldBe(10);
        passRate.Value.ShouldBe(0.7);
        passRate.HigherIsBetter.ShouldBe(true);
        var errorRate = results.Found("error_rate");
        errorRate.Successes.ShouldBe(1);
        errorRate.HigherIsBetter.ShouldBe(false);
        results.Warnings.ShouldBeEmpty("stats agree with the listed results");
    }

    [Fact]
    public void Score_and_named_scores_are_means()
    {
        var results = Fixtures.Read("promptfoo-results.json");

        var score = results.Found("score");
        score.N.ShouldBe(10);
        score.Value.ShouldBe(7.9001 / 10, 1e-9);
        score.StdDev.ShouldNotBeNull();
        var accuracy = results.Found("namedScores.accuracy");
        accuracy.N.ShouldBe(9, "the errored test has no named scores");
        accuracy.Successes.ShouldBe(7);
        results.Found("namedScores.helpfulness").N.ShouldBe(9);
        results.Found("latency_ms").N.ShouldBe(10);
    }

    [Fact]
    public void Stats_totals_are_exposed_as_plain_values()
    {
        var results = Fixtures.Read("promptfoo-results.json");

        results.Found("stats.tokenUsage.total").Value.ShouldBe(3421);
        results.Found("stats.errors").Value.ShouldBe(1);
        results.MetricNames.ShouldContain("stats.durationMs");
    }

    [Fact]
    public void Items_are_keyed_by_test_index()
    {
        var results = Fixtures.Read("promptfoo-results.json", options: new ReadOptions { KeepItems = true });

        var pass = results.ItemValues("pass_rate")!;
        pass.Count.ShouldBe(10);
        pass["2"].ShouldBe(0);
        pass["0"].ShouldBe(1);
        results.ItemValues("namedScores.accuracy")!.ContainsKey("5").ShouldBeFalse();
    }

    [Fact]
    public void Items_may_be_keyed_by_a_field_inside_each_result()
    {
        var results = Fixtures.Read("promptfoo-results.json", options: new ReadOptions { KeepItems = true, IdField = "testCase.metadata.ticket" });

        results.ItemValues("pass_rate")!["SUP-1202"].ShouldBe(0);
    }

    [Fact]
    public void Several_providers_are_pooled_with_a_warning_and_broken_out()
    {
        var results = Fixtures.Read("promptfoo-two-providers.json", options: new ReadOptions { KeepItems = true });

        results.Found("pass_rate").Successes.ShouldBe(7);
        results.Found("provider.openai:gpt-4o-mini.pass_rate").Successes.ShouldBe(3);
        results.Found("provider.anthropic:messages:claude-3-5-haiku-20241022.pass_rate").Value.ShouldBe(1);
        results.Warnings.ShouldHaveSingleItem().ShouldContain("results from 2 providers are pooled");
        results.ItemValues("pass_rate")!.Keys.ShouldContain("2@openai:gpt-4o-mini");
    }

    [Fact]
    public void Stats_that_disagree_with_the_results_are_reported()
    {
        using var folder = new TempFolder();
        var path = folder.Write("promptfoo.json", """
            {"results": {"version": 3, "results": [{"success": true, "score": 1}, {"success": false, "score": 0}],
                         "stats": {"successes": 2, "failures": 0, "errors": 0}}}
            """);

        var results = EvalResultsReader.Read(path, ResultsFormat.Auto, ReadOptions.Default);

        results.Found("pass_rate").Successes.ShouldBe(1);
        results.Warnings.ShouldHaveSingleItem().ShouldContain("stats say 2 successes, 0 failures, 0 errors, but the file lists 2 results with 1 successes");
    }

    [Fact]
    public void No_tests_at_all_is_an_input_error()
    {
        using var folder = new TempFolder();
        var path = folder.Write("promptfoo.json", """{"results": {"version": 3, "results": [], "stats": {"successes": 0, "failures": 0, "errors": 0}}}""");

        Should.Throw<GateInputException>(() => EvalResultsReader.Read(path, ResultsFormat.Promptfoo, ReadOptions.Default))
            .Message.ShouldBe($"{path}: no test results (0 successes, 0 failures, 0 errors)");
    }

    [Fact]
    public void A_result_without_success_is_an_input_error()
    {
        using var folder = new TempFolder();
        var path = folder.Write("promptfoo.json", """{"results": {"results": [{"score": 1}], "stats": {"successes": 1}}}""");

        Should.Throw<GateInputException>(() => EvalResultsReader.Read(path, ResultsFormat.Promptfoo, ReadOptions.Default))
            .Message.ShouldBe($"{path}: results[0] has no boolean \"success\"");
    }

    [Fact]
    public void A_string_score_makes_score_invalid()
    {
        using var folder = new TempFolder();
        var path = folder.Write("promptfoo.json", """{"results": {"results": [{"success": true, "score": "high"}], "stats": {"successes": 1}}}""");

        EvalResultsReader.Read(path, ResultsFormat.Promptfoo, ReadOptions.Default).InvalidReason("score")
            .ShouldBe($"{path}: metric 'score' is a string (\"high\"), not a number at results[0].score");
    }
}
