using System.Text;
using System.Text.RegularExpressions;
using Gates.Cli.Hosts;
using Gates.Testing;

namespace Gates.Cli.Tests.Hosts;

public sealed partial class GitHubHostTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly StringWriter stderr = new() { NewLine = "\n" };
    private readonly Dictionary<string, string?> env;

    public GitHubHostTests()
    {
        env = new()
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_OUTPUT"] = temp.File("output"),
            ["GITHUB_STEP_SUMMARY"] = temp.File("summary.md"),
        };
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Publish_outputs_are_heredocs_with_verdict_passed_and_report_path()
    {
        File.WriteAllText(temp.File("output"), "earlier=1\n");

        Publish(passed: false, reportJson: "out/report.json");

        var text = File.ReadAllText(temp.File("output"));
        text.ShouldStartWith("earlier=1\n");
        Approvals.Verify(DelimiterPattern().Replace(text, "DELIMITER"), "github-output");
        ReadHeredocs(text).ShouldBe(new Dictionary<string, string>
        {
            ["verdict"] = "fail", ["passed"] = "false", ["report-json"] = "out/report.json",
        });
    }

    [Fact]
    public void Publish_two_runs_use_different_delimiters()
    {
        Publish(passed: true);
        Publish(passed: true);

        DelimiterPattern().Matches(File.ReadAllText(temp.File("output")))
            .Select(m => m.Value).Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public void Publish_step_summary_appends_the_markdown_report_after_earlier_steps()
    {
        File.WriteAllText(temp.File("summary.md"), "# Earlier step");

        Publish(passed: false);

        var summary = File.ReadAllText(temp.File("summary.md"));
        summary.ShouldStartWith("# Earlier step\n## eval-gate: FAIL\n");
        summary.ShouldContain("| **FAIL** | hallucination |");
    }

    [Fact]
    public void Publish_files_are_Utf8_without_byte_order_mark()
    {
        Publish(passed: false);

        File.ReadAllBytes(temp.File("summary.md")).Take(3).ShouldBe(Encoding.UTF8.GetBytes("## "));
        File.ReadAllBytes(temp.File("output")).Take(7).ShouldBe(Encoding.UTF8.GetBytes("verdict"));
    }

    [Fact]
    public void Publish_annotations_go_to_stderr_not_stdout()
    {
        var written = Publish(passed: false);

        stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(
        [
            "::error title=eval-gate hallucination%3A FAIL::0.11 violates <= 0.08",
            "::warning title=eval-gate toxicity%3A INCONCLUSIVE::0.021 violates <= 0.02; the interval straddles the threshold",
        ]);
        written.ShouldBe([temp.File("summary.md"), temp.File("output")]);
    }

    [Fact]
    public void Publish_without_runner_files_only_annotates()
    {
        env.Remove("GITHUB_OUTPUT");
        env["GITHUB_STEP_SUMMARY"] = "";

        var written = Publish(passed: false);

        written.ShouldBeEmpty();
        Directory.GetFiles(temp.Path).ShouldBeEmpty();
        stderr.ToString().ShouldStartWith("::error ");
    }

    private IReadOnlyList<string> Publish(bool passed, string? reportJson = null) =>
        HostPublisher.Publish(SampleReport.Failing(), HostKind.GitHub,
            new HostPublishSettings { Passed = passed, ReportJsonPath = reportJson, WorkingDirectory = temp.Path }, env, stderr);

    /// <summary>Reads $GITHUB_OUTPUT the way the runner does: name&lt;&lt;DELIMITER, value lines, DELIMITER.</summary>
    private static Dictionary<string, string> ReadHeredocs(string text)
    {
        var outputs = new Dictionary<string, string>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var start = lines[i].IndexOf("<<", StringComparison.Ordinal);
            if (start < 0)
            {
                continue;
            }

            var delimiter = lines[i][(start + 2)..];
            var end = Array.IndexOf(lines, delimiter, i + 1);
            outputs[lines[i][..start]] = string.Join("\n", lines[(i + 1)..end]);
            i = end;
        }

        return outputs;
    }

    [GeneratedRegex("gates_delimiter_[0-9a-f]{32}")]
    private static partial Regex DelimiterPattern();
}
