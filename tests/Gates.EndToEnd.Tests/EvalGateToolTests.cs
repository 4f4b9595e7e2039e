using Gates.Testing;
using Gates.Testing.Tools;

namespace Gates.EndToEnd.Tests;

/// <summary>The packed, installed eval-gate command on the bundled samples, as a user runs it.</summary>
[Collection(nameof(ToolsCollection))]
public class EvalGateToolTests(InstalledTools tools)
{
    private static string Repo(params string[] parts) => RepositoryPaths.Of(parts);

    [Theory]
    [InlineData("pass.json", 0, "Overall: PASS")]
    [InlineData("warn.json", 0, "Overall: WARN")]
    [InlineData("fail.json", 1, "Overall: FAIL")]
    public void Installed_tool_gates_the_bundled_samples(string sample, int exitCode, string expected)
    {
        var result = tools.RunTool("eval-gate", ["--results", Repo("samples", "eval", sample), "--thresholds", Repo("thresholds", "quality.yaml")]);

        result.ShouldExit(exitCode);
        result.Stdout.ShouldContain(expected);
    }

    [Fact]
    public void Installed_tool_writes_its_report_and_github_files()
    {
        using var folder = new TempFolder();
        var summary = folder.Write("summary.md", "");
        var outputs = folder.Write("outputs.txt", "");
        var env = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary, ["GITHUB_OUTPUT"] = outputs };

        var result = tools.RunTool("eval-gate",
            ["-r", Repo("samples", "eval", "fail.json"), "-t", Repo("thresholds", "quality.yaml"), "--report-json", "report.json", "--format", "json"],
            folder.Path, env);

        result.ShouldExit(1);
        result.Stdout.ShouldStartWith("{");
        File.ReadAllText(folder.File("report.json")).ShouldContain("\"tool\"");
        File.ReadAllText(summary).ShouldContain("eval-gate: FAIL");
        File.ReadAllText(outputs).ShouldContain("verdict<<");
        result.Stderr.ShouldContain("::error");
    }

    [Fact]
    public void Installed_tool_reports_bad_input_as_exit_2_and_help_as_0()
    {
        var bad = tools.RunTool("eval-gate", ["-r", "/no/such.json", "-t", Repo("thresholds", "quality.yaml")]);
        bad.ShouldExit(2);
        bad.Stderr.ShouldContain("eval-gate: error:");

        var help = tools.RunTool("eval-gate", ["--help"]);
        help.ShouldExit(0);
        help.Stdout.ShouldContain("--thresholds");
    }
}

[CollectionDefinition(nameof(ToolsCollection))]
public sealed class ToolsCollection : ICollectionFixture<InstalledTools>;
