using System.Text.Json.Nodes;
using Gates.Testing;

namespace Gates.Release.Tests;

/// <summary>A tagged commit packs as that version; the package installs from a folder and shows version and commit.</summary>
public class InstallTests(PackedTool tool) : IClassFixture<PackedTool>
{
    [Fact]
    public void The_tag_gives_the_package_version()
    {
        File.Exists(Path.Combine(tool.Packages, $"{PackedTool.Package}.{PackedTool.Version}.nupkg")).ShouldBeTrue(string.Join(", ", Directory.GetFiles(tool.Packages)));
    }

    [Fact]
    public void A_tool_installed_from_a_folder_shows_the_tag_version_and_the_commit()
    {
        using var home = new TempFolder();
        var bin = Path.Combine(home.Path, "tools");

        Dotnet.Run(home.Path, ["tool", "install", PackedTool.Package, "--version", PackedTool.Version, "--tool-path", bin, "--configfile", tool.NuGetConfig],
            tool.Offline(Path.Combine(home.Path, "cache"))).ShouldSucceed();
        var version = Command.Run(home.Path, Path.Combine(bin, "eval-gate"), ["--version"]).ShouldSucceed();

        version.Stdout.Trim().ShouldBe($"{PackedTool.Version}+{tool.Commit}");
    }

    [Fact]
    public void The_gate_report_names_the_tool_version_and_the_commit()
    {
        using var home = new TempFolder();
        var bin = Path.Combine(home.Path, "tools");
        var report = Path.Combine(home.Path, "report.json");
        Dotnet.Run(home.Path, ["tool", "install", PackedTool.Package, "--version", PackedTool.Version, "--tool-path", bin, "--configfile", tool.NuGetConfig],
            tool.Offline(Path.Combine(home.Path, "cache"))).ShouldSucceed();

        Command.Run(home.Path, Path.Combine(bin, "eval-gate"),
            ["--results", RepositoryPaths.Of("samples", "eval", "pass.json"), "--thresholds", RepositoryPaths.Of("thresholds", "quality.yaml"), "--report-json", report]).ShouldSucceed();

        var written = JsonNode.Parse(File.ReadAllText(report))!;
        written["tool"]!["version"]!.GetValue<string>().ShouldBe($"{PackedTool.Version}+{tool.Commit}");
    }

    [Fact]
    public void Dnx_runs_the_tool_once_from_the_folder_of_packages()
    {
        using var home = new TempFolder();

        var run = Dotnet.Run(home.Path, ["dnx", $"{PackedTool.Package}@{PackedTool.Version}", "--yes", "--configfile", tool.NuGetConfig, "--", "--version"],
            tool.Offline(Path.Combine(home.Path, "cache"))).ShouldSucceed();

        run.Stdout.ShouldContain($"{PackedTool.Version}+{tool.Commit}");
    }
}
