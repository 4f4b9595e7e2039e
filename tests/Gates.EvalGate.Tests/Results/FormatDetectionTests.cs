using Gates.Core;
using Gates.EvalGate.Results;
using Gates.Testing;

namespace Gates.EvalGate.Tests.Results;

public class FormatDetectionTests
{
    [Theory]
    [InlineData("flat-metrics.json", "json")]
    [InlineData("nested-metrics.json", "json")]
    [InlineData("items.jsonl", "jsonl")]
    [InlineData("lm-eval-results.json", "lm-eval")]
    [InlineData("lm-eval-limit.json", "lm-eval")]
    [InlineData("promptfoo-results.json", "promptfoo")]
    [InlineData("promptfoo-two-providers.json", "promptfoo")]
    [InlineData("openai-evals-match.jsonl", "openai-evals")]
    public void Every_fixture_is_recognised_by_its_shape(string fixture, string format)
    {
        Fixtures.Read(fixture).Format.ShouldBe(format);
    }

    [Theory]
    [InlineData("items.txt", "{\"ok\": true}\n{\"ok\": false}\n", "jsonl")]
    [InlineData("one-line.json", "{\"acc\": 0.9, \"n\": 10}\n", "json")]
    [InlineData("one-item.jsonl", "{\"acc\": 0.9}\n", "jsonl")]
    [InlineData("record.log", "{\"spec\": {\"eval_name\": \"x\"}}\n{\"type\": \"match\", \"sample_id\": \"a\", \"data\": {\"correct\": true}}\n", "openai-evals")]
    [InlineData("python.jsonl", "{\"acc\": NaN}\n{\"acc\": 1}\n", "jsonl")]
    public void Line_delimited_files_are_told_from_documents_by_content_and_name(string name, string content, string format)
    {
        using var folder = new TempFolder();
        var path = folder.Write(name, content);

        EvalResultsReader.Read(path, ResultsFormat.Auto, ReadOptions.Default).Format.ShouldBe(format);
    }

    [Fact]
    public void A_named_format_overrides_detection()
    {
        var results = Fixtures.Read("lm-eval-results.json", ResultsFormat.Json);

        results.Format.ShouldBe("json");
        results.Found("results.hellaswag.acc,none").Value.ShouldBe(0.5714997012547302);
    }

    [Fact]
    public void Reading_jsonl_as_json_hints_at_the_format()
    {
        var path = Fixtures.Path("items.jsonl");

        Should.Throw<GateInputException>(() => EvalResultsReader.Read(path, ResultsFormat.Json, ReadOptions.Default))
            .Message.ShouldContain("use --results-format jsonl");
    }

    [Theory]
    [InlineData("auto", ResultsFormat.Auto)]
    [InlineData("JSON", ResultsFormat.Json)]
    [InlineData("jsonl", ResultsFormat.Jsonl)]
    [InlineData("lm-eval", ResultsFormat.LmEval)]
    [InlineData("promptfoo", ResultsFormat.Promptfoo)]
    [InlineData("openai-evals", ResultsFormat.OpenAiEvals)]
    public void Format_names_parse_and_round_trip(string text, ResultsFormat format)
    {
        ResultsFormats.Parse(text).ShouldBe(format);
        format.Name().ShouldBe(text.ToLowerInvariant());
    }

    [Fact]
    public void An_unknown_format_name_lists_the_known_ones()
    {
        Should.Throw<GateInputException>(() => ResultsFormats.Parse("csv"))
            .Message.ShouldBe("unknown results format 'csv'; use one of: auto, json, jsonl, lm-eval, promptfoo, openai-evals");
    }

    [Fact]
    public void A_folder_is_not_a_results_file()
    {
        using var folder = new TempFolder();

        Should.Throw<GateInputException>(() => EvalResultsReader.Read(folder.Path, ResultsFormat.Auto, ReadOptions.Default))
            .Message.ShouldBe($"{folder.Path}: is a folder, not a results file");
    }
}
