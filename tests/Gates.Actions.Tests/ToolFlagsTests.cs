using System.Diagnostics;
using System.Text.RegularExpressions;
using Gates.Actions.Tests.Runner;

namespace Gates.Actions.Tests;

/// <summary>
/// Each GATES_&lt;FLAG&gt; variable a tool action sets must be a flag the installed tool really has (its --help),
/// so an action cannot drift from the tool. Runs for every tool in this source tree.
/// </summary>
[Collection(nameof(ToolsJobCollection))]
public class ToolFlagsTests(ToolsJob tools)
{
    /// <summary>Variables the action scripts use themselves, and latency-bench's key holder.</summary>
    private static readonly HashSet<string> ActionOwn = ["GATES_TOOLS_DIR", "GATES_SUBCOMMAND", "GATES_ARGS", "GATES_LATENCY_API_KEY", "GATES_SETUP_VERSION"];

    /// <summary>Secrets a tool reads from the environment only: they have no flag (docs/permissions.md#secrets).</summary>
    private static readonly HashSet<string> SecretOnly = ["GATES_PROMETHEUS_TOKEN", "GATES_PROMETHEUS_PASSWORD"];

    public static IEnumerable<object[]> LandedTools() => GateTool.Landed.Select(t => new object[] { t.Command });

    [Theory]
    [MemberData(nameof(LandedTools))]
    public void Every_variable_the_action_sets_is_a_flag_of_the_tool(string tool)
    {
        var flags = Help(tool);
        var run = ActionDefinition.Load(ToolsJob.ActionPath("actions", tool)).Steps.Single(s => s.Id == "run");

        var variables = run.Env.Keys.Where(k => k.StartsWith("GATES_", StringComparison.Ordinal) && !ActionOwn.Contains(k) && !SecretOnly.Contains(k)).ToList();

        variables.ShouldNotBeEmpty();
        foreach (var variable in variables)
        {
            var flag = "--" + variable["GATES_".Length..].ToLowerInvariant().Replace('_', '-');
            flags.ShouldContain(flag, $"actions/{tool} sets {variable}, but {tool} --help has no {flag}");
        }
    }

    [Theory]
    [MemberData(nameof(LandedTools))]
    public void Every_variable_the_gitlab_component_and_the_argo_template_set_is_a_flag_of_the_tool(string tool)
    {
        var flags = Help(tool);
        var component = GitLabComponent.Load(tool);
        var gitlab = Yaml.Mapping(component.Interpolate(component.Declared.Where(component.IsMandatory).ToDictionary(i => i, i => "x")), $"gates-{tool}");
        var gitlabVariables = Yaml.ScalarMap(gitlab, "variables").Keys;
        var argo = Yaml.Sequence(Yaml.Mapping(Yaml.LoadMapping(ToolsJob.ActionPath("workflows-examples", "argo", "gates-tools.yaml")), "spec"), "templates")
            .Single(t => Yaml.Scalar(t, "name") == tool);
        var argoVariables = Yaml.Sequence(Yaml.Mapping(argo, "script"), "env").Select(e => Yaml.Scalar(e, "name")!);

        foreach (var variable in gitlabVariables.Concat(argoVariables).Where(v => v.StartsWith("GATES_", StringComparison.Ordinal) && !ActionOwn.Contains(v) && !SecretOnly.Contains(v)))
        {
            var flag = "--" + variable["GATES_".Length..].ToLowerInvariant().Replace('_', '-');
            flags.ShouldContain(flag, $"{tool}: {variable} is set for GitLab or Argo, but {tool} --help has no {flag}");
        }
    }

    private HashSet<string> Help(string tool)
    {
        var exe = Path.Combine(tools.Setup.Output("path"), tool);
        var commands = tool == "latency-bench" ? new[] { "run", "gate", "merge" } : new[] { "" };
        var flags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var command in commands)
        {
            var start = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true };
            if (command.Length > 0)
            {
                start.ArgumentList.Add(command);
            }

            start.ArgumentList.Add("--help");
            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            process.ExitCode.ShouldBe(0, text);
            flags.UnionWith(Regex.Matches(text, @"--[a-z][a-z0-9-]*").Select(m => m.Value));
        }

        return flags;
    }
}
