using Gates.Testing;
using Gates.Testing.Tools;
using System.Diagnostics;

namespace Gates.EndToEnd.Tests;

/// <summary>
/// Packs the tool projects (each as its pointer, linux-x64 and portable packages), installs the packages into a
/// temporary tool path with `dotnet tool install`, and runs the installed shims.
/// </summary>
public sealed class InstalledTools : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    /// <summary>Every tool project and its package id.</summary>
    public static readonly (string Project, string PackageId)[] Packages =
    [
        ("Gates.EvalGate", "Gates.EvalGate"),
        ("Gates.GateReport", "Gates.GateReport"),
        ("Gates.DriftCheck", "Gates.DriftCheck"),
        ("Gates.LatencyBench", "Gates.LatencyBench"),
        ("Gates.ManifestBump", "Gates.ManifestBump"),
        ("Gates.CanaryValidate", "Gates.CanaryValidate"),
    ];

    private readonly TempFolder folder = new();

    public InstalledTools()
    {
        var packages = PackageFolder = Path.Combine(folder.Path, "packages");
        PackageCache = Path.Combine(folder.Path, "nuget");
        ToolPath = Path.Combine(folder.Path, "tools");
        foreach (var (project, packageId) in Packages)
        {
            var csproj = RepositoryPaths.Of("src", project, project + ".csproj");
            // Not --no-build: the linux-x64 (ReadyToRun) and portable packages are built per runtime, which the test
            // build did not do.
            Run("dotnet", ["pack", csproj, "-c", Configuration, "-o", packages, "-p:PackageOutputPath=" + packages]).ShouldExit(0);
            // A private package cache, so a stale copy of the same version is never installed. Builds between
            // release tags are pre-releases (MinVer), hence --prerelease.
            var cache = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = PackageCache };
            Run("dotnet", ["tool", "install", packageId, "--prerelease", "--tool-path", ToolPath, "--add-source", packages], env: cache).ShouldExit(0);
        }
    }

    public string ToolPath { get; }

    /// <summary>The folder the tool packages were packed into: a NuGet feed.</summary>
    public string PackageFolder { get; }

    /// <summary>The private NuGet package cache the installs use.</summary>
    public string PackageCache { get; }

    /// <summary>The version the packages were packed with (MinVer: a pre-release between tags).</summary>
    public string PackageVersion =>
        Directory.GetFiles(PackageFolder, "Gates.EvalGate.*.nupkg").Select(f => Path.GetFileNameWithoutExtension(f)["Gates.EvalGate.".Length..])
            .Single(version => char.IsAsciiDigit(version[0])); // not the .any. and .linux-x64. packages it points to

    public RunResult RunTool(string command, string[] args, string? workingDirectory = null, IDictionary<string, string?>? env = null) =>
        Run(Path.Combine(ToolPath, command), args, workingDirectory, env);

    public static RunResult Run(string file, string[] args, string? workingDirectory = null, IDictionary<string, string?>? env = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? RepositoryPaths.Root,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A clean host: no CI variables leak from the machine running the tests.
        foreach (var name in new[]
        {
            "GITHUB_ACTIONS", "GITLAB_CI", "ARGO_WORKFLOW_NAME", "ARGO_TEMPLATE", "GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "CI",
            "GITHUB_EVENT_PATH", "GITHUB_TOKEN", "GATES_GITHUB_TOKEN", "GITLAB_TOKEN", "GATES_GITLAB_TOKEN", "CI_MERGE_REQUEST_IID",
        })
        {
            start.Environment.Remove(name);
        }

        foreach (var (key, value) in env ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish in 5 minutes");
        }

        return new RunResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    public void Dispose() => folder.Dispose();
}
