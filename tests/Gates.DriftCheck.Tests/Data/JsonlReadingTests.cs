using Gates.Core;
using Gates.Testing;

namespace Gates.DriftCheck.Tests.Data;

public class JsonlReadingTests
{
    [Fact]
    public void Columns_are_the_union_of_keys_and_an_absent_key_is_missing()
    {
        using var folder = new TempFolder();
        var path = folder.Write("rows.jsonl",
            "{\"a\": 1, \"b\": \"x\"}\n{\"a\": 2.5, \"c\": true}\n\n{\"b\": \"y\\u00e9\", \"a\": null, \"d\": {\"nested\": [1, 2]}}\n");

        var table = TestData.Read(path);

        table.Rows.ShouldBe(3);
        table.Columns.Select(c => c.Name).ShouldBe(["a", "b", "c", "d"]);
        var a = table.Columns[0];
        (a.Rows, a.Missing, a.NumericCells).ShouldBe((3L, 1L, 2L));
        var b = table.Columns[1];
        (b.Rows, b.Missing).ShouldBe((3L, 1L));
        b.Distinct.Entries().Select(e => e.Value).ShouldBe(["x", "yé"]);
        var c = table.Columns[2];
        (c.Rows, c.Missing).ShouldBe((3L, 2L));
        c.Distinct.Entries().Single().Value.ShouldBe("true");
        table.Columns[3].Distinct.Entries().Single().Value.ShouldBe("{\"nested\": [1, 2]}");
    }

    [Fact]
    public void A_line_that_is_not_an_object_names_the_file_and_line()
    {
        using var folder = new TempFolder();
        var path = folder.Write("bad.jsonl", "{\"a\": 1}\n[1, 2]\n");

        var e = Should.Throw<GateInputException>(() => TestData.Read(path));

        e.Message.ShouldStartWith($"{path}:line 2: not a JSON object");
    }

    [Fact]
    public void Broken_json_names_the_line()
    {
        using var folder = new TempFolder();
        var path = folder.Write("broken.jsonl", "{\"a\": 1}\n{\"a\": 2}\n{\"a\": \n");

        Should.Throw<GateInputException>(() => TestData.Read(path)).Message.ShouldStartWith($"{path}:line 3:");
    }
}
