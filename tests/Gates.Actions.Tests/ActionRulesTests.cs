using System.Text.RegularExpressions;
using Gates.Actions.Tests.Runner;
using Gates.Testing;

namespace Gates.Actions.Tests;

/// <summary>
/// The rules every action file keeps (ci-conventions §2.1): typed, described inputs passed only through env:,
/// bash steps that reach their scripts through $GITHUB_ACTION_PATH, outputs mapped from step outputs, and the
/// shared outputs on every tool action.
/// </summary>
public class ActionRulesTests
{
    public static IEnumerable<object[]> ActionFolders() =>
        new[] { "." }.Concat(Directory.GetDirectories(RepositoryPaths.Of("actions")).Select(d => "actions/" + Path.GetFileName(d)).Order())
            .Select(d => new object[] { d });

    private static ActionDefinition Load(string folder) => ActionDefinition.Load(RepositoryPaths.Of(folder.Split('/')));

    private static string Text(string folder) => File.ReadAllText(Path.Combine(RepositoryPaths.Of(folder.Split('/')), "action.yml"));

    [Fact]
    public void Every_tool_has_an_action()
    {
        foreach (var tool in GateTool.All)
        {
            File.Exists(RepositoryPaths.Of("actions", tool.Command, "action.yml")).ShouldBeTrue(tool.Command);
        }
    }

    [Theory]
    [MemberData(nameof(ActionFolders))]
    public void Inputs_are_described_well_named_and_used(string folder)
    {
        var action = Load(folder);
        var text = Text(folder);

        action.Using.ShouldBe("composite");
        foreach (var input in action.Inputs)
        {
            input.Name.ShouldMatch("^[A-Za-z_][A-Za-z0-9_-]*$");
            input.Description.ShouldNotBeNullOrWhiteSpace(input.Name);
            (input.Required || input.Default is not null).ShouldBeTrue($"{input.Name}: an optional input needs a default");
            Regex.IsMatch(text, $@"\binputs\.{Regex.Escape(input.Name)}(?![A-Za-z0-9_-])").ShouldBeTrue($"{input.Name} is never used");
        }

        foreach (Match used in Regex.Matches(text, @"inputs\.([A-Za-z0-9_-]+)"))
        {
            action.Input(used.Groups[1].Value).ShouldNotBeNull($"{folder} uses undeclared input {used.Value}");
        }
    }

    [Theory]
    [MemberData(nameof(ActionFolders))]
    public void Steps_are_bash_with_no_expressions_in_scripts_and_reach_their_scripts_through_the_action_path(string folder)
    {
        var action = Load(folder);

        foreach (var step in action.Steps.Where(s => s.Run is not null))
        {
            var run = step.Run!;
            step.Shell.ShouldBe("bash");
            Template.HasExpression(run).ShouldBeFalse($"{folder}: expression inside run: {run}");
            run.ShouldNotContain("github.action_path");
            var script = Regex.Match(run, "^\"\\$GITHUB_ACTION_PATH/([^\"]+)\"");
            script.Success.ShouldBeTrue($"{folder}: run: should call a script under \"$GITHUB_ACTION_PATH/…\": {run}");
            var path = Path.GetFullPath(Path.Combine(action.Directory, script.Groups[1].Value));
            File.Exists(path).ShouldBeTrue(path);
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute).ShouldBeTrue($"{path} is not executable");
            }
        }

        foreach (var step in action.Steps.Where(s => s.Uses is not null))
        {
            step.If.ShouldNotBeNull($"{folder}: 'uses: {step.Uses}' runs only when needed");
        }
    }

    [Theory]
    [MemberData(nameof(ActionFolders))]
    public void Outputs_map_outputs_of_steps_that_exist(string folder)
    {
        var action = Load(folder);

        foreach (var output in action.Outputs)
        {
            output.Description.ShouldNotBeNullOrWhiteSpace(output.Name);
            var mapped = Regex.Match(output.Value, @"^\$\{\{ steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+) \}\}$");
            mapped.Success.ShouldBeTrue($"{folder}: output {output.Name} = {output.Value}");
            action.Steps.ShouldContain(s => s.Id == mapped.Groups[1].Value, $"{folder}: output {output.Name} maps a missing step");
        }
    }

    [Theory]
    [MemberData(nameof(GateTool.Commands), MemberType = typeof(GateTool))]
    public void Tool_actions_have_the_shared_outputs_and_run_their_own_tool(string tool)
    {
        var action = Load("actions/" + tool);
        var run = action.Steps.Single(s => s.Id == "run");

        foreach (var name in new[] { "verdict", "passed", "report-json", "comment-status", "exit-code" })
        {
            action.Outputs.ShouldContain(o => o.Name == name, $"{tool}: output {name}");
        }

        run.Run.ShouldBe($"\"$GITHUB_ACTION_PATH/../setup/run.sh\" {tool}");
        action.Steps.Single(s => s.Id == "install").Env["GATES_SETUP_TOOLS"].ShouldBe(tool);
        run.Env.Keys.Where(k => k.StartsWith("GATES_", StringComparison.Ordinal)).ShouldAllBe(k => run.Env[k].StartsWith("${{ ") || k == "GATES_CI");
    }
}
