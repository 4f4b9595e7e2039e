using Gates.Core;
using Gates.EvalGate.Results;
using Gates.Testing;

namespace Gates.EvalGate.Tests.Results;

/// <summary>Per-item JSONL that cannot be read, or not wholly: every problem names the file and line.</summary>
public class JsonlReaderErrorTests
{
    [Fact]
    public void A_malformed_line_names_the_file_and_line()
    {
        using var folder = new TempFolder();
        var path = folder.Write("items.jsonl", "{\"ok\": true}\n\n{\"ok\": tru}\n{\"ok\": false}\n");

        var error = Should.Throw<GateInputException>(() => EvalResultsReader.Read(path, ResultsFormat.Jsonl, ReadOptions.Default));

        error.Message.ShouldStartWith($"{path}:3: invalid JSON");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_id_or_field_name_with_a_lone_surrogate_escape_is_an_input_error_naming_the_line(bool keepItems)
    {
        using var folder = new TempFolder();
        var path = folder.Write("items.jsonl", "{\"id\": \"a\", \"score\": 1}\n{\"id\": \"\\ud800\", \"score\": 0}\n{\"sc\\udc00re\": 1}\n");

        var error = Should.Throw<GateInputException>(() => EvalResultsReader.Read(path, ResultsFormat.Jsonl, new ReadOptions { KeepItems = keepItems }));

        error.Message.ShouldStartWith($"{path}:2: a string is not valid text");
    }

    [Fact]
    public void A_line_that_is_not_an_object_is_an_error()
    {
        using var folder = new TempFolder();
        var path = folder.Write("items.jsonl", "{\"ok\": true}\n[1, 2]\n");

        Should.Throw<GateInputException>(() => EvalResultsReader.Read(path, ResultsFormat.Jsonl, ReadOptions.Default))
            .Message.ShouldBe($"{path}:2: expected one JSON object per line, found StartArray");
    }

    [Fact]
    public void A_field_that_changes_type_names_file_line_and_field()
    {
        using var folder = new TempFolder();
        var path = folder.Write("items.jsonl", "{\"score\": 0.5}\n{\"score\": 0.7}\n{\"score\": \"0.9\"}\n");

        var results = EvalResultsReader.Read(path, ResultsFormat.Jsonl, ReadOptions.Default);

        results.InvalidReason("score").ShouldBe($"{path}:3: metric 'score' is a number on line 1 but a string on line 3; a field must keep one type");
        Should.Throw<GateInputException>(() => results.Require("score")).Message.ShouldContain("line 3");
    }

    [Fact]
    public void NaN_and_infinity_make_the_field_invalid()
    {
        using var folder = new TempFolder();
        var path = folder.Write("items.jsonl", "{\"score\": 0.5, \"f1\": 1}\n{\"score\": NaN, \"f1\": 1}\n{\"score\": Infinity, \"f1\": 0}\n{\"score\": 1e999, \"f1\": 0}\n");

        var results = EvalResultsReader.Read(path, ResultsFormat.Jsonl, ReadOptions.Default);

        results.InvalidReason("score").ShouldBe($"{path}:2: metric 'score' is NaN or infinite on line 2 and on 2 more item(s)");
        results.Found("f1").Successes.ShouldBe(2);
    }

    [Fact]
    public void A_text_NaN_is_text_not_a_number()
    {
        using var folder = new TempFolder();
        var path = folder.Write("items.jsonl", "{\"answer\": \"NaN Infinity\", \"ok\": true}\n");

        var results = EvalResultsReader.Read(path, ResultsFormat.Jsonl, ReadOptions.Default);

        results.Found("ok").N.ShouldBe(1);
        results.InvalidReason("answer").ShouldContain("holds strings");
    }

    [Fact]
    public void A_field_that_is_null_everywhere_has_no_values()
    {
        using var folder = new TempFolder();
        var path = folder.Write("items.jsonl", "{\"ok\": true, \"score\": null}\n{\"ok\": true, \"score\": null}\n");

        EvalResultsReader.Read(path, ResultsFormat.Jsonl, ReadOptions.Default).InvalidReason("score")
            .ShouldBe($"{path}:1: metric 'score' is null on every item (first on line 1)");
    }

    [Theory]
    [InlineData("", "the results file is empty")]
    [InlineData("\n\n  \n", "no items: every line is blank")]
    [InlineData("{\"q\": \"a\"}\n{\"q\": \"b\"}\n", "no numeric or boolean fields in 2 items")]
    public void Files_without_items_are_input_errors(string content, string problem)
    {
        using var folder = new TempFolder();
        var path = folder.Write("items.jsonl", content);

        Should.Throw<GateInputException>(() => EvalResultsReader.Read(path, ResultsFormat.Jsonl, ReadOptions.Default))
            .Message.ShouldBe($"{path}: {problem}");
    }

    [Fact]
    public void An_item_missing_its_id_is_an_error_when_pairing()
    {
        using var folder = new TempFolder();
        var path = folder.Write("items.jsonl", "{\"id\": \"a\", \"ok\": true}\n{\"ok\": false}\n");

        Should.Throw<GateInputException>(() => EvalResultsReader.Read(path, ResultsFormat.Jsonl, new ReadOptions { KeepItems = true }))
            .Message.ShouldBe($"{path}:2: the item has no id field 'id' (a string or number); every item needs one to be paired");
    }
}
