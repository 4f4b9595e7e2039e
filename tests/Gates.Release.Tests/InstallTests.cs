using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Text.Json.Nodes;
using Gates.Testing;

namespace Gates.Release.Tests;

/// <summary>
/// A tagged commit packs as that version, as a pointer package to a Native AOT linux-x64 package and a portable one;
/// the package installs from a folder and shows version and commit.
/// </summary>
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

    [Fact]
    public void The_pointer_package_names_a_linux_x64_and_a_portable_package()
    {
        var settings = ReadEntry($"{PackedTool.Package}.{PackedTool.Version}.nupkg", "DotnetToolSettings.xml");

        settings.ShouldContain($"RuntimeIdentifier=\"linux-x64\" Id=\"{PackedTool.Package}.linux-x64\"");
        settings.ShouldContain($"RuntimeIdentifier=\"any\" Id=\"{PackedTool.Package}.any\"");
    }

    [Fact]
    public void The_linux_x64_package_is_a_native_executable_and_the_portable_one_is_il()
    {
        var native = $"{PackedTool.Package}.linux-x64.{PackedTool.Version}.nupkg";
        IsElf(Entry(native, "tools/any/linux-x64/eval-gate")).ShouldBeTrue();
        EntryNames(native).ShouldNotContain(e => e.EndsWith(".dll", StringComparison.Ordinal) || e.EndsWith(".dbg", StringComparison.Ordinal));
        ReadEntry(native, "DotnetToolSettings.xml").ShouldContain("Runner=\"executable\"");

        IsReadyToRun(Entry($"{PackedTool.Package}.any.{PackedTool.Version}.nupkg", "tools/net10.0/any/eval-gate.dll")).ShouldBeFalse();
    }

    [Fact]
    public void Installing_on_linux_x64_takes_the_native_package()
    {
        using var home = new TempFolder();
        var bin = Path.Combine(home.Path, "tools");

        Dotnet.Run(home.Path, ["tool", "install", PackedTool.Package, "--version", PackedTool.Version, "--tool-path", bin, "--configfile", tool.NuGetConfig],
            tool.Offline(Path.Combine(home.Path, "cache"))).ShouldSucceed();

        var store = Path.Combine(bin, ".store");
        Directory.GetFiles(store, "eval-gate.dll", SearchOption.AllDirectories).ShouldBeEmpty();
        var installed = Directory.GetFiles(store, "eval-gate", SearchOption.AllDirectories).ShouldHaveSingleItem();
        installed.ShouldContain(Path.Combine("tools", "any", "linux-x64")); // self-contained: no target framework
        IsElf(File.ReadAllBytes(installed)).ShouldBeTrue();
    }

    private string ReadEntry(string package, string name)
    {
        using var zip = ZipFile.OpenRead(Path.Combine(tool.Packages, package));
        using var reader = new StreamReader(zip.Entries.Single(e => e.Name == name).Open());
        return reader.ReadToEnd();
    }

    private List<string> EntryNames(string package)
    {
        using var zip = ZipFile.OpenRead(Path.Combine(tool.Packages, package));
        return [.. zip.Entries.Select(e => e.FullName)];
    }

    private byte[] Entry(string package, string entry)
    {
        using var zip = ZipFile.OpenRead(Path.Combine(tool.Packages, package));
        using var copy = new MemoryStream();
        zip.GetEntry(entry).ShouldNotBeNull($"{entry} in {package}").Open().CopyTo(copy);
        return copy.ToArray();
    }

    private static bool IsElf(byte[] file) => file.Length > 4 && file[0] == 0x7F && file[1] == (byte)'E' && file[2] == (byte)'L' && file[3] == (byte)'F';

    /// <summary>ReadyToRun code is described by the managed native header; an IL-only assembly has none.</summary>
    private static bool IsReadyToRun(byte[] assembly)
    {
        using var pe = new PEReader(new MemoryStream(assembly));
        return pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
    }
}
