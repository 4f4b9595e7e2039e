using Gates.Core;
using Gates.EvalGate.Results;
using Gates.Testing;

namespace Gates.EvalGate.Tests.Results;

public class JsonMetricResultsTests
{
    [Fact]
    public void Flat_file_gives_values_with_shared_n_and_sibling_companions()
    {
        var results = Fixtures.Read("flat-metrics.json");

        results.Format.ShouldBe("json");
        results.Sha256.ShouldBe(Fixtures.Sha256Of(Fixtures.Path("flat-metrics.json")));
        var groundedness = results.Found("groundedness_score");
        groundedness.Value.ShouldBe(0.87);
        groundedness.N.ShouldBe(200);
        groundedness.Successes.ShouldBeNull();
        var hallucination = results.Found("hallucination_rate");
        hallucination.Successes.ShouldBe(14);
        hallucination.N.ShouldBe(200);
        results.Found("answer_relevancy").StdErr.ShouldBe(0.011);
        results.Found("quality_delta_vs_baseline").Value.ShouldBe(-0.012);
    }

    [Fact]
    public void Companion_keys_are_not_listed_as_metrics()
    {
        var names = Fixtures.Read("flat-metrics.json").MetricNames.ToList();

        names.ShouldBe(["groundedness_score", "hallucination_rate", "answer_relevancy", "quality_delta_vs_baseline", "latency_p95_ms"]);
    }

    [Fact]
    public void Nested_value_objects_carry_their_own_n_stderr_successes_and_direction()
    {
        var results = Fixtures.Read("nested-metrics.json");

        var groundedness = results.Found("metrics.groundedness");
        groundedness.Value.ShouldBe(0.87);
        groundedness.N.ShouldBe(200);
        groundedness.StdErr.ShouldBe(0.018);
        results.Found("metrics.groundedness.score").ShouldBe(groundedness);
        var hallucination = results.Found("metrics.hallucination");
        hallucination.Successes.ShouldBe(14);
        hallucination.HigherIsBetter.ShouldBe(false);
        var toxicity = results.Found("metrics.toxicity");
        toxicity.StdDev.ShouldBe(0.04);
        toxicity.N.ShouldBe(500, "n is inherited from the nearest enclosing object");
    }

    [Fact]
    public void Keys_containing_dots_resolve_and_take_the_nearest_n()
    {
        var results = Fixtures.Read("nested-metrics.json");

        results.Found("slices.lang.de.accuracy").N.ShouldBe(120);
        var english = results.Found("slices.lang.en.accuracy");
        english.Value.ShouldBe(0.9);
        english.N.ShouldBe(500);
        results.MetricNames.ShouldContain("slices.lang.de.accuracy");
        results.MetricNames.ShouldNotContain("metrics.groundedness.n");
    }

    [Fact]
    public void An_object_without_a_value_is_not_a_metric_and_lists_what_is_inside()
    {
        var missing = Fixtures.Read("nested-metrics.json").Missing("metrics");

        missing.Reason.ShouldContain("'metrics' is an object, not a metric");
        missing.Suggestions.ShouldContain("metrics.groundedness");
    }

    [Fact]
    public void A_typo_is_missing_with_suggestions()
    {
        var missing = Fixtures.Read("flat-metrics.json").Missing("groundednes_score");

        missing.Suggestions.ShouldBe(["groundedness_score"]);
        missing.Reason.ShouldContain("did you mean 'groundedness_score'?");
        missing.Reason.ShouldContain("flat-metrics.json");
    }

    [Theory]
    [InlineData("""{"acc": NaN, "n": 10}""", "acc", "is NaN, not a finite number")]
    [InlineData("""{"acc": Infinity}""", "acc", "is Infinity, not a finite number")]
    [InlineData("""{"acc": -Infinity, "other": 1}""", "acc", "is -Infinity, not a finite number")]
    [InlineData("""{"acc": "N/A", "other": 1}""", "acc", "is a string (\"N/A\"), not a number")]
    [InlineData("""{"acc": null, "other": 1}""", "acc", "is null")]
    [InlineData("""{"acc": true, "other": 1}""", "acc", "is a boolean (true), not a number")]
    [InlineData("""{"acc": 0.9, "n": 0}""", "acc", "has zero items (n = 0)")]
    [InlineData("""{"acc": 0.9, "acc_n": 12.5}""", "acc", "has n that is 12.5, not a whole count")]
    [InlineData("""{"acc": {"score": 0.5, "successes": 3}}""", "acc", "has successes but no n")]
    [InlineData("""{"acc": {"rate": 0.5, "successes": 30, "n": 20}}""", "acc", "more successes than n")]
    [InlineData("""{"acc": {"rate": 0.9, "successes": 3, "n": 20}}""", "acc", "is 0.9 but successes / n = 3 / 20")]
    public void Unusable_values_are_invalid_with_file_and_metric(string json, string metric, string problem)
    {
        using var folder = new TempFolder();
        var path = folder.Write("metrics.json", json);

        var reason = EvalResultsReader.Read(path, ResultsFormat.Json, ReadOptions.Default).InvalidReason(metric);

        reason.ShouldStartWith($"{path}: metric '{metric}' ");
        reason.ShouldContain(problem);
    }

    [Fact]
    public void A_stderr_of_NA_is_ignored_with_a_note()
    {
        using var folder = new TempFolder();
        var path = folder.Write("metrics.json", """{"bleu": 24.7, "bleu_stderr": "N/A", "n": 100}""");

        var found = EvalResultsReader.Read(path, ResultsFormat.Auto, ReadOptions.Default).FoundWithNote("bleu");

        found.Observation.StdErr.ShouldBeNull();
        found.Observation.N.ShouldBe(100);
        found.Note.ShouldBe("stderr is a string (\"N/A\"), not a number; ignored");
    }

    [Theory]
    [InlineData("", "the results file is empty")]
    [InlineData("  \n ", "the results file is empty")]
    [InlineData("{}", "no numeric metrics in the file")]
    [InlineData("""{"model": "x"}""", "no numeric metrics in the file")]
    [InlineData("[1, 2]", "expected a JSON object of metrics, found an array")]
    public void Files_without_metrics_are_input_errors(string json, string problem)
    {
        using var folder = new TempFolder();
        var path = folder.Write("metrics.json", json);

        var error = Should.Throw<GateInputException>(() => EvalResultsReader.Read(path, ResultsFormat.Json, ReadOptions.Default));

        error.Message.ShouldBe($"{path}: {problem}");
    }

    [Fact]
    public void Malformed_json_names_the_file_and_line()
    {
        using var folder = new TempFolder();
        var path = folder.Write("metrics.json", "{\n  \"acc\": 0.9,\n  \"f1\": 0.8,,\n}");

        var error = Should.Throw<GateInputException>(() => EvalResultsReader.Read(path, ResultsFormat.Auto, ReadOptions.Default));

        error.Message.ShouldStartWith($"{path}:3: invalid JSON");
    }

    [Fact]
    public void A_byte_order_mark_and_python_NaN_elsewhere_do_not_stop_the_read()
    {
        using var folder = new TempFolder();
        var path = folder.File("metrics.json");
        File.WriteAllText(path, "{\"acc\": 0.9, \"n\": 50, \"calibration_error\": NaN}", new System.Text.UTF8Encoding(true));

        var results = EvalResultsReader.Read(path, ResultsFormat.Auto, ReadOptions.Default);

        results.Found("acc").N.ShouldBe(50);
        results.MetricNames.ShouldBe(["acc", "calibration_error"]);
        results.Sha256.ShouldBe(Fixtures.Sha256Of(path));
    }

    [Fact]
    public void A_missing_file_is_an_input_error()
    {
        using var folder = new TempFolder();
        var path = folder.File("nope.json");

        Should.Throw<GateInputException>(() => EvalResultsReader.Read(path, ResultsFormat.Auto, ReadOptions.Default))
            .Message.ShouldBe($"{path}: results file not found");
    }

    [Fact]
    public void Require_throws_an_input_error_for_missing_metrics()
    {
        var results = Fixtures.Read("flat-metrics.json");

        results.Require("groundedness_score").Value.ShouldBe(0.87);
        Should.Throw<GateInputException>(() => results.Require("faithfulness")).Message.ShouldContain("no metric 'faithfulness'");
        results.ItemValues("groundedness_score").ShouldBeNull();
    }
}
