using System.Diagnostics;
using Gates.Testing;

namespace Gates.EvalGate.Tests.Promptfoo;

/// <summary>
/// The real promptfoo CLI, pinned by .ci/promptfoo/package-lock.json and run through .ci/promptfoo/run (which
/// installs it with npm ci on first use). Without npm the tests fail, never skip: the check must run.
/// </summary>
internal static class PromptfooCli
{
    /// <summary>Runs <c>promptfoo eval -c config.yaml -o out.json --no-cache</c> in <paramref name="folder"/>; returns the exit code and out.json's path.</summary>
    public static (int Code, string Output, string Log) Eval(TempFolder folder, string config)
    {
        if (!OnPath("npm"))
        {
            throw new Xunit.Sdk.XunitException("npm is not installed: .ci/promptfoo/run needs it (CI installs it from tests/Gates.EvalGate.Tests/apt-packages.txt)");
        }

        folder.Write("promptfooconfig.yaml", config);
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder.Path };
        foreach (var argument in new[] { RepositoryPaths.Of(".ci", "promptfoo", "run"), "eval", "-c", "promptfooconfig.yaml", "-o", "out.json", "--no-cache", "--no-write" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PROMPTFOO_CONFIG_DIR"] = System.IO.Path.Combine(folder.Path, ".promptfoo");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit(TimeSpan.FromMinutes(10)).ShouldBeTrue("promptfoo did not finish in 10 minutes (npm ci included)");
        process.WaitForExit();
        var log = stdout.Result + stderr.Result;
        var output = System.IO.Path.Combine(folder.Path, "out.json");
        File.Exists(output).ShouldBeTrue($"promptfoo wrote no out.json (exit {process.ExitCode}):\n{log}");
        return (process.ExitCode, output, log);
    }

    private static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(System.IO.Path.Combine(dir, name)));
}
