namespace Gates.EvalGate.Tests.Command;

/// <summary>Input files eval-gate cannot use are exit 2 with the one wording of Gates.Cli.Inputs, naming the file.</summary>
public class InputFileTests
{
    private const string Gates = "gates:\n  g:\n    metric: score\n    min: 0.5\n";

    [Fact]
    public void A_folder_given_as_results_is_named_as_a_folder()
    {
        using var gate = new EvalGateHarness();
        var t = gate.Folder.Write("t.yaml", Gates);

        gate.Run("-r", gate.Folder.Path, "-t", t).ShouldExit(2)
            .Stderr.ShouldContain($"{gate.Folder.Path}: is a folder, not a results file");
    }

    [Fact]
    public void A_missing_thresholds_file_is_named_as_missing()
    {
        using var gate = new EvalGateHarness();
        var r = gate.Folder.Write("results.json", "{\"score\": 0.9}");
        var t = gate.Folder.File("none.yaml");

        gate.Run("-r", r, "-t", t).ShouldExit(2)
            .Stderr.ShouldContain($"{t}: thresholds file not found");
    }

    [Fact]
    public void An_empty_thresholds_file_is_exit_2()
    {
        using var gate = new EvalGateHarness();
        var r = gate.Folder.Write("results.json", "{\"score\": 0.9}");
        var t = gate.Folder.Write("t.yaml", "");

        gate.Run("-r", r, "-t", t).ShouldExit(2)
            .Stderr.ShouldContain("the file is empty; it needs a 'gates:' section");
    }

    [Theory]
    [InlineData("results.json")]
    [InlineData("results.jsonl")]
    public void Invalid_utf8_in_results_is_exit_2_with_the_byte_offset(string name)
    {
        using var gate = new EvalGateHarness();
        var r = gate.Folder.File(name);
        File.WriteAllBytes(r, [.. "{\"score\": 0.9, \"note\": \""u8.ToArray(), 0xC3, 0x28, .. "\"}\n"u8.ToArray()]);
        var t = gate.Folder.Write("t.yaml", Gates);

        gate.Run("-r", r, "-t", t).ShouldExit(2)
            .Stderr.ShouldContain($"{r}: invalid UTF-8 at byte 24");
    }
}
