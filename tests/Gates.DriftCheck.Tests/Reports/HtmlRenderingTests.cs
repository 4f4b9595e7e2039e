using System.Diagnostics;
using System.Text.RegularExpressions;
using Gates.DriftCheck.Tests.Command;

namespace Gates.DriftCheck.Tests.Reports;

/// <summary>
/// Renders the HTML report in headless Chromium (Debian package "chromium", listed in apt-packages.txt) and checks the
/// charts were laid out. Installs nothing: without Chromium the test fails and says what to install.
/// </summary>
public class HtmlRenderingTests
{
    [Fact]
    public void Chromium_renders_a_chart_for_every_compared_column()
    {
        var chromium = FindChromium() ?? throw new Xunit.Sdk.XunitException(
            "Chromium is not installed, so the HTML report cannot be rendered: install the Debian package 'chromium' " +
            "(apt-get install chromium; tests/Gates.DriftCheck.Tests/apt-packages.txt lists it for .ci/install-deps).");
        using var h = new DriftCheckHarness();
        var html = h.Folder.File("drift report.html");
        h.Run("--reference", DriftCheckHarness.Sample("reference.csv"), "--current", DriftCheckHarness.Sample("current-drift.csv"),
            "-t", DriftCheckHarness.Sample("thresholds.yaml"), "--html", html).ShouldExit(1);

        var dom = DumpDom(chromium, html, h.Folder.File("profile"));

        Regex.Match(dom, "data-charts-drawn=\"(\\d+)\"").Groups[1].Value.ShouldBe("9", "the inline script counts the charts with a laid-out size and bars");
        Regex.Matches(dom, "<svg class=\"chart\"").Count.ShouldBe(9);
        Regex.Matches(dom, "<rect class=\"bar cur\"").Count.ShouldBeGreaterThan(9);
        dom.ShouldContain("country=BR 4% → 26%");
    }

    private static string DumpDom(string chromium, string html, string profile)
    {
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", $"--user-data-dir={profile}", "--dump-dom", new Uri(html).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(180_000))
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException("Chromium did not finish rendering the report");
        }

        process.ExitCode.ShouldBe(0, stderr.Result);
        return stdout.Result;
    }

    private static string? FindChromium()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { "chromium", "chromium-browser" }.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }
}
