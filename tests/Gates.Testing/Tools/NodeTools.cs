using System.Diagnostics;
using Shouldly;

namespace Gates.Testing.Tools;

/// <summary>
/// The pinned npm tools that read Gates' outputs (hdr-histogram-js, html-validate), run on their own Node 22 through
/// .ci/node-tools/run, which installs them with npm ci on first use (CI installs them before the tests). Without npm
/// the tests fail and say what to install; they never skip.
/// </summary>
public static class NodeTools
{
    /// <summary>Runs a Node script (which can require the pinned packages) with arguments, in <paramref name="workingDirectory"/>.</summary>
    public static RunResult Node(string workingDirectory, string script, params string[] arguments) =>
        Run(workingDirectory, [script, .. arguments]);

    /// <summary>Runs the html-validate CLI on the files (its recommended rules unless a .htmlvalidate.json is in the folder).</summary>
    public static RunResult HtmlValidate(string workingDirectory, params string[] files) =>
        Run(workingDirectory, ["--html-validate", .. files]);

    /// <summary>A file of a pinned package (installed first when needed), e.g. mermaid's dist/mermaid.min.js.</summary>
    public static string PackageFile(string package, params string[] parts)
    {
        Run(RepositoryPaths.Root, ["--install"]).ShouldExit(0);
        var path = RepositoryPaths.Of([".ci", "node-tools", "node_modules", package, .. parts]);
        File.Exists(path).ShouldBeTrue($"{path} is missing after installing .ci/node-tools");
        return path;
    }

    private static RunResult Run(string workingDirectory, string[] arguments)
    {
        if (!OnPath("npm"))
        {
            throw new Xunit.Sdk.XunitException(
                "npm is not installed: .ci/node-tools/run needs it to install the pinned hdr-histogram-js and html-validate " +
                "(Debian package 'nodejs'; tests/Gates.LatencyBench.Tests/apt-packages.txt lists it for .ci/install-deps)");
        }

        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(RepositoryPaths.Of(".ci", "node-tools", "run"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException("node-tools did not finish in 10 minutes (npm ci included)");
        }

        process.WaitForExit();
        var result = new RunResult(process.ExitCode, stdout.Result, stderr.Result);
        result.ExitCode.ShouldNotBe(2, "node-tools could not install the pinned tools:\n" + result);
        return result;
    }

    private static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, name)));
}
