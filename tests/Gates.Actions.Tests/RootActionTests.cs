namespace Gates.Actions.Tests;

/// <summary>The root action.yml, which runs any tool named by its `tool:` input.</summary>
[Collection(nameof(ToolsJobCollection))]
public class RootActionTests(ToolsJob tools)
{
    [Fact]
    public void Runs_the_named_tool_with_its_arguments_one_per_line()
    {
        var run = tools.Run(".", new Dictionary<string, string>
        {
            ["tool"] = "eval-gate",
            ["args"] = "--results\nsamples/eval/fail.json\n",
            ["thresholds"] = "thresholds/quality.yaml",
            ["subject-version"] = "2026.11.3",
        });

        run.ShouldExitWith(1);
        run.Output("verdict").ShouldBe("fail");
        run.Output("passed").ShouldBe("false");
        File.ReadAllText(run.Output("report-json")).ShouldContain("\"version\": \"2026.11.3\"");
        run.Summary.ShouldContain("eval-gate: FAIL");
    }

    [Theory]
    [InlineData("", "no tool named")]
    [InlineData("rm -rf", "unknown tool 'rm'")]
    [InlineData("eval-gates", "unknown tool 'eval-gates'")]
    public void An_unknown_tool_is_refused_with_exit_2(string tool, string message)
    {
        var run = tools.Run(".", new Dictionary<string, string> { ["tool"] = tool });

        run.ShouldExitWith(2);
        run.Step("install").Stderr.ShouldContain(message);
        run.Step("run").Outcome.ShouldBe("skipped");
    }
}
