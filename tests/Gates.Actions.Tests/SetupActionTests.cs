using Gates.Testing;
using Gates.Actions.Tests.Runner;

namespace Gates.Actions.Tests;

/// <summary>actions/setup: both install paths (build from source, pinned package from a feed) and its input checks.</summary>
[Collection(nameof(ToolsJobCollection))]
public class SetupActionTests(ToolsJob tools)
{
    [Fact]
    public void Source_install_builds_every_tool_in_the_tree_and_puts_it_on_path()
    {
        tools.Setup.ShouldExitWith(0);
        tools.Setup.Output("version").ShouldMatch(@"^\d+\.\d+\.\d+");
        foreach (var tool in GateTool.Landed)
        {
            File.Exists(Path.Combine(tools.Setup.Output("path"), tool.Command)).ShouldBeTrue(tool.Command);
        }
    }

    [Fact]
    public void Feed_install_takes_the_pinned_version_from_a_feed_and_the_tool_action_reuses_it()
    {
        var feed = Path.Combine(tools.Job.RunnerTemp, "gates", "packages");
        using var nuget = new TempFolder();
        using var job = new SimulatedJob(RepositoryPaths.Root, new Dictionary<string, string> { ["NUGET_PACKAGES"] = nuget.Path });
        var version = tools.Setup.Output("version");

        var setup = job.Run(ToolsJob.ActionPath("actions", "setup"),
            new Dictionary<string, string> { ["version"] = version, ["nuget-source"] = feed });
        var run = job.Run(ToolsJob.ActionPath("actions", "eval-gate"), new Dictionary<string, string>
        {
            ["results"] = "samples/eval/pass.json",
            ["thresholds"] = "thresholds/quality.yaml",
            ["version"] = version,
            ["nuget-source"] = feed,
        });

        setup.ShouldExitWith(0);
        setup.Output("mode").ShouldBe("feed");
        setup.Output("version").ShouldBe(version);
        run.ShouldExitWith(0);
        run.Step("install").Stdout.ShouldContain($"eval-gate {version} already installed (feed)");
        run.Output("verdict").ShouldBe("pass");
    }

    [Theory]
    [InlineData("install", "banana", "not one of auto|feed|source")]
    [InlineData("tools", "eval-gate nope", "unknown tool 'nope'")]
    [InlineData("tools", " ", "no tool named")]
    [InlineData("version", "latest", "not a package version")]
    public void Bad_inputs_are_refused_with_exit_2(string input, string value, string message)
    {
        using var job = new SimulatedJob(RepositoryPaths.Root);

        var run = job.Run(ToolsJob.ActionPath("actions", "setup"), new Dictionary<string, string> { [input] = value });

        run.ShouldExitWith(2);
        run.Step("install").Stderr.ShouldContain(message);
    }

    [Fact]
    public void A_feed_install_needs_a_version_when_the_actions_are_not_a_release()
    {
        using var job = new SimulatedJob(RepositoryPaths.Root);

        var run = job.Run(ToolsJob.ActionPath("actions", "setup"), new Dictionary<string, string> { ["install"] = "feed" });

        File.ReadAllText(ToolsJob.ActionPath("actions", "setup", "gates-version")).Trim().ShouldBe("source");
        run.ShouldExitWith(2);
        run.Step("install").Stderr.ShouldContain("feed needs a 'version'");
    }

    [Fact]
    public void A_tool_missing_from_the_source_tree_is_named_with_exit_2()
    {
        // A copy of the actions with no src/ beside them: every tool is missing from that tree.
        using var copy = new TempFolder();
        var setup = Path.Combine(copy.Path, "actions", "setup");
        Directory.CreateDirectory(setup);
        foreach (var file in Directory.GetFiles(ToolsJob.ActionPath("actions", "setup")))
        {
            File.Copy(file, Path.Combine(setup, Path.GetFileName(file)));
        }

        using var job = new SimulatedJob(RepositoryPaths.Root);
        var run = job.Run(setup, new Dictionary<string, string> { ["tools"] = "drift-check" });

        run.ShouldExitWith(2);
        run.Step("install").Stderr.ShouldContain("drift-check is not in this version of the Gates source (no src/Gates.DriftCheck)");
    }

    [Fact]
    public void The_install_script_names_each_tool_s_real_package_and_command()
    {
        var script = File.ReadAllText(ToolsJob.ActionPath("actions", "setup", "install.sh"));
        foreach (var tool in GateTool.All)
        {
            script.ShouldContain($"{tool.Command}) echo {tool.Package} ;;");
        }

        foreach (var tool in GateTool.Landed)
        {
            var project = File.ReadAllText(tool.Project);
            project.ShouldContain($"<ToolCommandName>{tool.Command}</ToolCommandName>");
            project.ShouldContain($"<PackageId>{tool.Package}</PackageId>");
        }
    }
}
