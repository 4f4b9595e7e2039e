using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Gates.Testing.Tools;

/// <summary>
/// Headless Chromium (Debian package "chromium"): loads a local HTML file, returns the DOM after scripts ran and every
/// message the page wrote to the console (uncaught errors included). Installs nothing: without Chromium the
/// test fails and says what to install. No network: the page is a file and background networking is off.
/// </summary>
public static partial class Chromium
{
    /// <param name="htmlFile">The page.</param>
    /// <param name="scriptBudgetMs">
    /// For a page whose scripts work asynchronously: the virtual time Chromium lets them run (timers and promises
    /// settle without real waiting) before it dumps the DOM. Null for a page without scripts.
    /// </param>
    public static (string Dom, IReadOnlyList<string> Console) Render(string htmlFile, int? scriptBudgetMs = null)
    {
        var chromium = Find() ?? throw new Xunit.Sdk.XunitException(
            "Chromium is not installed, so the HTML report cannot be rendered: install the Debian package 'chromium' " +
            "(tests/Gates.DriftCheck.Tests/apt-packages.txt lists it for .ci/install-deps).");
        var profile = Path.Combine(Path.GetDirectoryName(htmlFile)!, ".chromium-profile-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--enable-logging=stderr", "--v=0", "--log-level=0", $"--user-data-dir={profile}",
            "--dump-dom", new Uri(htmlFile).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(arg);
        }

        if (scriptBudgetMs is { } budget)
        {
            start.ArgumentList.Insert(0, $"--virtual-time-budget={budget}");
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(180_000))
            {
                process.Kill(entireProcessTree: true);
                throw new Xunit.Sdk.XunitException("Chromium did not finish rendering " + htmlFile);
            }

            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new Xunit.Sdk.XunitException($"Chromium exited {process.ExitCode}: {stderr.Result}");
            }

            // Console lines look like: [..:INFO:CONSOLE:12] "message", source: file:///…/r.html (12), at one level for
            // console.log, console.error and uncaught errors alike; a report page has nothing to log, so all count.
            var problems = stderr.Result.Split('\n').Where(line => ConsoleLine().IsMatch(line)).Select(line => line.Trim()).ToList();
            return (stdout.Result, problems);
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { "chromium", "chromium-browser" }.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);

    [GeneratedRegex(@":CONSOLE[:(]\d+")]
    private static partial Regex ConsoleLine();
}
