using Gates.Core;
using Gates.EvalGate.Results;
using Gates.Testing;

namespace Gates.EvalGate.Tests.Results;

public class LmEvalReaderTests
{
    [Fact]
    public void Is_detected_and_reads_value_stderr_n_and_direction()
    {
        var results = Fixtures.Read("lm-eval-results.json");

        results.Format.ShouldBe("lm-eval");
        var acc = results.Found("hellaswag.acc,none");
        acc.Value.ShouldBe(0.5714997012547302);
        acc.StdErr.ShouldBe(0.004938496255098129);
        acc.N.ShouldBe(10042);
        acc.HigherIsBetter.ShouldBe(true);
        acc.Successes.ShouldBeNull();
    }

    [Theory]
    [InlineData("hellaswag.acc,none")]
    [InlineData("results.hellaswag.acc,none")]
    [InlineData("hellaswag.acc")]
    [InlineData("results.hellaswag.acc")]
    public void The_names_users_write_all_resolve(string metric)
    {
        Fixtures.Read("lm-eval-results.json").Found(metric).Value.ShouldBe(0.5714997012547302);
    }

    [Fact]
    public void Filters_other_than_none_must_be_named()
    {
        var results = Fixtures.Read("lm-eval-results.json");

        results.Found("gsm8k.exact_match,strict-match").Value.ShouldBe(0.4245640636846096);
        var missing = results.Missing("gsm8k.exact_match");
        missing.Suggestions.ShouldBe(["gsm8k.exact_match,flexible-extract", "gsm8k.exact_match,strict-match"]);
    }

    [Fact]
    public void NA_stderr_leaves_stderr_unknown_with_a_note()
    {
        var found = Fixtures.Read("lm-eval-results.json").FoundWithNote("wikitext.word_perplexity");

        found.Observation.Value.ShouldBe(16.62427374937925);
        found.Observation.StdErr.ShouldBeNull();
        found.Observation.HigherIsBetter.ShouldBe(false);
        found.Observation.N.ShouldBe(62);
        found.Note.ShouldNotBeNull().ShouldContain("stderr is a string (\"N/A\")");
    }

    [Fact]
    public void Groups_resolve_with_n_summed_over_their_subtasks()
    {
        var results = Fixtures.Read("lm-eval-results.json");

        var mmlu = results.Found("mmlu.acc");
        mmlu.N.ShouldBe(235);
        mmlu.StdErr.ShouldBe(0.031485014291017765);
        results.Found("groups.mmlu.acc,none").ShouldBe(mmlu);
        results.Found("mmlu_anatomy.acc").N.ShouldBe(135);
    }

    [Fact]
    public void Non_metric_keys_and_stderr_keys_are_not_listed()
    {
        var names = Fixtures.Read("lm-eval-results.json").MetricNames.ToList();

        names.ShouldContain("arc_easy.acc_norm,none");
        names.ShouldContain("mmlu.acc,none");
        names.ShouldNotContain(n => n.Contains("stderr") || n.EndsWith(".alias") || n.Contains("sample_len"));
        names.Count.ShouldBe(12);
        Fixtures.Read("lm-eval-results.json").Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void A_limited_run_warns_and_notes_each_metric()
    {
        var results = Fixtures.Read("lm-eval-limit.json");

        results.Warnings.ShouldContain(w => w.Contains("task 'gsm8k' scored on 100 of 1319 documents (--limit was used)"));
        var found = results.FoundWithNote("gsm8k.exact_match,flexible-extract");
        found.Observation.N.ShouldBe(100);
        found.Note.ShouldBe("scored on 100 of 1319 documents (--limit was used)");
    }

    [Fact]
    public void A_NaN_metric_from_python_is_invalid()
    {
        var path = Fixtures.Path("lm-eval-limit.json");

        Fixtures.Read("lm-eval-limit.json").InvalidReason("truthfulqa_gen.rouge1_max")
            .ShouldBe($"{path}: metric 'truthfulqa_gen.rouge1_max,none' is NaN, not a finite number");
    }

    [Fact]
    public void Named_format_without_results_is_an_input_error()
    {
        using var folder = new TempFolder();
        var path = folder.Write("results.json", """{"acc": 0.5}""");

        Should.Throw<GateInputException>(() => EvalResultsReader.Read(path, ResultsFormat.LmEval, ReadOptions.Default))
            .Message.ShouldBe($"{path}: not lm-evaluation-harness output: no \"results\" object");
    }

    [Fact]
    public void Zero_documents_make_a_metric_invalid()
    {
        using var folder = new TempFolder();
        var path = folder.Write("results.json", """
            {"results": {"arc": {"acc,none": 0.5, "acc_stderr,none": 0.1}},
             "n-samples": {"arc": {"original": 0, "effective": 0}}}
            """);

        EvalResultsReader.Read(path, ResultsFormat.Auto, ReadOptions.Default).InvalidReason("arc.acc")
            .ShouldBe($"{path}: metric 'arc.acc,none' was computed on zero documents");
    }
}
