using System.Text;
using Gates.Core;
using Gates.DriftCheck.Data;
using Gates.Testing;

namespace Gates.DriftCheck.Tests.Data;

public class CsvReadingTests
{
    [Fact]
    public void Reads_quotes_embedded_separators_and_line_breaks_and_a_byte_order_mark()
    {
        using var folder = new TempFolder();
        var path = folder.File("quoted.csv");
        File.WriteAllText(path, "name,comment,score\r\n\"Smith, J\",\"said \"\"hi\"\"\r\nthen left\",1.5\r\nLee,plain,2\r\n", new UTF8Encoding(true));

        var table = TestData.Read(path);

        table.Rows.ShouldBe(2);
        table.Columns.Select(c => c.Name).ShouldBe(["name", "comment", "score"]);
        table.Columns[0].Distinct.Entries().Select(e => e.Value).ShouldContain("Smith, J");
        table.Columns[1].Distinct.Entries().Select(e => e.Value).ShouldContain("said \"hi\"\r\nthen left");
        table.Columns[2].NumericCells.ShouldBe(2);
        table.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))));
    }

    [Fact]
    public void Detects_a_semicolon_separator()
    {
        using var folder = new TempFolder();
        var path = folder.Write("semi.csv", "a;b\n1;x\n2;y\n");

        var table = TestData.Read(path);

        table.Delimiter.ShouldBe(';');
        table.Columns.Select(c => c.Name).ShouldBe(["a", "b"]);
    }

    [Fact]
    public void A_wrong_separator_is_named_with_the_one_that_fits()
    {
        using var folder = new TempFolder();
        var path = folder.Write("semi.csv", "a;b;c\n1;2;3\n");

        var e = Should.Throw<GateInputException>(() => TestData.Read(path, new TableReadOptions { Delimiter = ',' }));

        e.Message.ShouldContain($"{path}:line 1");
        e.Message.ShouldContain("the separator looks like ';', not the given ','");
    }

    [Fact]
    public void A_ragged_row_names_the_file_line_row_and_the_missing_column()
    {
        using var folder = new TempFolder();
        var path = folder.Write("ragged.csv", "a,b,c\n1,2,3\n4,5\n6,7,8\n");

        var e = Should.Throw<GateInputException>(() => TestData.Read(path));

        e.Message.ShouldContain($"{path}:line 3: row 2 has 2 fields, the header has 3: column 'c' and after are missing");
    }

    [Fact]
    public void Extra_fields_are_a_ragged_row_too()
    {
        using var folder = new TempFolder();
        var path = folder.Write("extra.csv", "a,b\n1,2\n3,4,5\n");

        Should.Throw<GateInputException>(() => TestData.Read(path)).Message.ShouldContain("line 3: row 2 has 3 fields, the header has 2: 1 extra after column 'b'");
    }

    [Fact]
    public void An_empty_file_and_a_header_without_rows_are_input_errors()
    {
        using var folder = new TempFolder();
        var empty = folder.Write("empty.csv", "");
        var header = folder.Write("header.csv", "a,b\n");

        Should.Throw<GateInputException>(() => TestData.Read(empty)).Message.ShouldBe($"{empty}: the file is empty (0 bytes)");
        Should.Throw<GateInputException>(() => TestData.Read(header)).Message.ShouldBe($"{header}: has a header (2 columns) but no data rows");
    }

    [Fact]
    public void Duplicate_and_blank_column_names_are_reported_together()
    {
        using var folder = new TempFolder();
        var path = folder.Write("dup.csv", "a,,a\n1,2,3\n");

        var e = Should.Throw<GateInputException>(() => TestData.Read(path));

        e.Problems.ShouldBe([$"{path}:line 1: column 2 has no name", $"{path}:line 1: column name 'a' appears twice (columns are matched by name)"]);
    }

    [Fact]
    public void An_unclosed_quote_is_a_malformed_file_error_with_its_line()
    {
        using var folder = new TempFolder();
        var path = folder.Write("quote.csv", "a,b\n1,2\n3,\"open\n4,5\n");

        var e = Should.Throw<GateInputException>(() => TestData.Read(path));

        e.Message.ShouldStartWith($"{path}:line 3: malformed CSV");
    }

    [Fact]
    public void A_ten_megabyte_field_marks_only_its_column()
    {
        using var folder = new TempFolder();
        var big = new string('x', 10 * 1024 * 1024);
        var path = folder.Write("big.csv", $"id,blob,score\n1,small,1.5\n2,{big},2.5\n3,small,3.5\n");

        var table = TestData.Read(path);

        table.Columns[1].Oversized.ShouldBe((2L, 10 * 1024 * 1024));
        table.Columns[2].NumericCells.ShouldBe(3);
    }

    [Fact]
    public void Missing_values_follow_the_pandas_list_by_default()
    {
        using var folder = new TempFolder();
        var path = folder.Write("na.csv", "x\n1\n\nNA\nnull\nN/A\n#N/A\nnan\n2\nNone\n");

        var x = TestData.Read(path).Columns[0];

        x.Rows.ShouldBe(8); // a blank line is skipped, as pandas does
        x.Missing.ShouldBe(5);
        x.NumericCells.ShouldBe(2);
        x.TextCells.ShouldBe(1); // "None" is not in pandas' list
    }
}
