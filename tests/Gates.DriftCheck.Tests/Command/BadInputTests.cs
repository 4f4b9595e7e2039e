namespace Gates.DriftCheck.Tests.Command;

/// <summary>Every input problem stops the run with exit 2 and a message naming file, line and column.</summary>
public class BadInputTests
{
    [Fact]
    public void Missing_flags_say_what_is_needed()
    {
        using var h = new DriftCheckHarness();

        h.Run("--reference", DriftCheckHarness.Sample("reference.csv")).ShouldExit(2)
            .Stderr.ShouldContain("drift-check: error: --current is required (or set GATES_CURRENT): the current data");
    }

    [Fact]
    public void Flags_also_come_from_the_environment()
    {
        using var h = new DriftCheckHarness();
        h.Variables["GATES_REFERENCE"] = DriftCheckHarness.Sample("reference.csv");
        h.Variables["GATES_CURRENT"] = DriftCheckHarness.Sample("current-ok.csv");

        h.Run().ShouldExit(0);
    }

    [Fact]
    public void A_file_that_does_not_exist_is_named()
    {
        using var h = new DriftCheckHarness();

        h.Run("--reference", "nope.csv", "--current", DriftCheckHarness.Sample("current-ok.csv")).ShouldExit(2)
            .Stderr.ShouldContain($"{h.Folder.File("nope.csv")}: data file not found");
    }

    [Fact]
    public void A_folder_is_named_as_a_folder()
    {
        using var h = new DriftCheckHarness();

        h.Run("--reference", h.Folder.Path, "--current", DriftCheckHarness.Sample("current-ok.csv")).ShouldExit(2)
            .Stderr.ShouldContain($"{h.Folder.Path}: is a folder, not a data file");
    }

    [Fact]
    public void Invalid_utf8_in_a_data_file_is_exit_2_with_the_byte_offset()
    {
        using var h = new DriftCheckHarness();
        var current = h.Folder.File("cur.csv");
        File.WriteAllBytes(current, [.. "a,b\n1,x\n2,"u8.ToArray(), 0xFF, .. "\n"u8.ToArray()]);

        h.Run("--reference", DriftCheckHarness.Sample("reference.csv"), "--current", current).ShouldExit(2)
            .Stderr.ShouldContain($"{current}: invalid UTF-8 at byte 10");
    }

    [Fact]
    public void A_ragged_current_file_is_exit_2_with_line_and_column()
    {
        using var h = new DriftCheckHarness();
        var current = h.Folder.Write("cur.csv", "a,b,c\n1,2,3\n1,2\n");
        var reference = h.Folder.Write("ref.csv", "a,b,c\n1,2,3\n4,5,6\n");

        h.Run("--reference", reference, "--current", current).ShouldExit(2)
            .Stderr.ShouldContain($"{current}:line 3: row 2 has 2 fields, the header has 3: column 'c' and after are missing");
    }

    [Fact]
    public void An_empty_current_file_is_exit_2()
    {
        using var h = new DriftCheckHarness();
        var current = h.Folder.Write("cur.csv", "");

        h.Run("--reference", DriftCheckHarness.Sample("reference.csv"), "--current", current).ShouldExit(2)
            .Stderr.ShouldContain("the file is empty (0 bytes)");
    }

    [Fact]
    public void Problems_in_the_thresholds_file_are_all_reported_with_lines()
    {
        using var h = new DriftCheckHarness();
        var thresholds = h.Folder.Write("t.yaml",
            "gates:\n  d:\n    metric: share_of_drifted_columns\n    max: 0.5\ndrift:\n  alpha: 2\n  colour: red\ncolumns:\n  age: {type: decimal}\n");

        var run = h.Run("--reference", DriftCheckHarness.Sample("reference.csv"), "--current", DriftCheckHarness.Sample("current-ok.csv"), "-t", thresholds).ShouldExit(2);

        run.Stderr.ShouldContain($"{thresholds}:6: alpha must be a number above 0 and at most 0.5, got '2'");
        run.Stderr.ShouldContain($"{thresholds}:7: unknown key 'drift.colour'");
        run.Stderr.ShouldContain($"{thresholds}:9: columns.age.type 'decimal' is not one of numeric, boolean, categorical, datetime, text, id");
    }

    [Fact]
    public void A_configured_column_in_neither_file_is_a_typo_to_fix()
    {
        using var h = new DriftCheckHarness();
        var thresholds = h.Folder.Write("t.yaml", "gates:\n  d:\n    metric: share_of_drifted_columns\n    max: 0.5\ncolumns:\n  countyr: {critical: true}\n");

        h.Run("--reference", DriftCheckHarness.Sample("reference.csv"), "--current", DriftCheckHarness.Sample("current-ok.csv"), "-t", thresholds).ShouldExit(2)
            .Stderr.ShouldContain("the thresholds file configures 'countyr', which is in neither data file");
    }

    [Fact]
    public void A_gate_on_a_metric_that_does_not_exist_is_exit_2()
    {
        using var h = new DriftCheckHarness();
        var thresholds = h.Folder.Write("t.yaml", "gates:\n  d:\n    metric: columns.income.kurtosis\n    max: 3\n");

        h.Run("--reference", DriftCheckHarness.Sample("reference.csv"), "--current", DriftCheckHarness.Sample("current-ok.csv"), "-t", thresholds).ShouldExit(2)
            .Stderr.ShouldContain("gate 'd': no metric 'columns.income.kurtosis'");
    }

    [Fact]
    public void Nothing_comparable_is_exit_2_not_a_pass()
    {
        using var h = new DriftCheckHarness();
        var reference = h.Folder.Write("ref.csv", "id,note\n" + string.Join("\n", Enumerable.Range(1, 30).Select(i => $"{i},")) + "\n");
        var current = h.Folder.Write("cur.csv", "id,other\n" + string.Join("\n", Enumerable.Range(31, 30).Select(i => $"{i},a")) + "\n");

        h.Run("--reference", reference, "--current", current).ShouldExit(2)
            .Stderr.ShouldContain("no column could be compared");
    }

    [Fact]
    public void Mixed_types_and_a_huge_field_affect_only_their_column()
    {
        using var h = new DriftCheckHarness();
        var rows = Enumerable.Range(0, 60).Select(i => $"{i * 0.5},{(i == 5 ? "n/a?" : i.ToString())},{(i == 7 ? new string('z', 2_000_000) : "ok")}");
        var reference = h.Folder.Write("ref.csv", "x,mixed,blob\n" + string.Join("\n", rows) + "\n");
        var current = h.Folder.Write("cur.csv", "x,mixed,blob\n" + string.Join("\n", Enumerable.Range(0, 60).Select(i => $"{i * 0.5},{i},ok")) + "\n");
        var json = h.Folder.File("drift.json");

        h.Run("--reference", reference, "--current", current, "--drift-json", json).ExitCode.ShouldNotBe(2);

        var columns = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(json))!["columns"]!.AsArray();
        string Reason(string name) => columns.Single(c => c!["name"]!.GetValue<string>() == name)!["reason"]!.GetValue<string>();
        Reason("mixed").ShouldStartWith("mixed: 59 numbers and 1 other values (first 'n/a?' at row 6)");
        Reason("blob").ShouldBe("reference: row 8 has a 2,000,000-byte value, above the limit of the field size (--max-field-size)");
    }
}
