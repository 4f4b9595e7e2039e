namespace Gates.EvalGate.Tests.Command;

/// <summary>Flags are checked before any work: a bad value is exit 2 about the flag, before any file is read.</summary>
public class FlagCheckTests
{
    [Theory]
    [InlineData("--ci", "jenkins", "--ci: 'jenkins' is not one of github|gitlab|argo|none (also read from GATES_CI)")]
    [InlineData("--fail-on", "never", "--fail-on: 'never' is not one of")]
    [InlineData("--format", "yaml", "--format: 'yaml' is not one of")]
    public void A_bad_flag_is_rejected_before_the_results_are_read(string flag, string value, string expected)
    {
        using var gate = new EvalGateHarness();

        var run = gate.Run("-r", "missing.json", "-t", "missing.yaml", flag, value, "--report-json", "r.json").ShouldExit(2);

        run.Stderr.ShouldContain(expected);
        run.Stderr.ShouldNotContain("missing.json");
        File.Exists(gate.Folder.File("r.json")).ShouldBeFalse();
    }

    [Fact]
    public void A_bad_ci_host_from_the_environment_is_rejected_before_a_report_is_written()
    {
        using var gate = new EvalGateHarness();
        gate.Variables["GATES_CI"] = "travis";
        var results = gate.Folder.Write("r.json", "{\"score\": 0.9}");
        var thresholds = gate.Folder.Write("t.yaml", "gates:\n  g:\n    metric: score\n    min: 0.5\n");

        gate.Run("-r", results, "-t", thresholds, "--report-json", "report.json").ShouldExit(2)
            .Stderr.ShouldContain("--ci: 'travis' is not one of github|gitlab|argo|none");
        File.Exists(gate.Folder.File("report.json")).ShouldBeFalse();
    }
}
