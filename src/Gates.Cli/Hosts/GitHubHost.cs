using Gates.Core.Hosts;
using Gates.Core.Results;

namespace Gates.Cli.Hosts;

/// <summary>
/// GitHub Actions: annotations as workflow commands on stderr (the runner reads commands from both streams, and
/// stdout is the product), the Markdown report appended to $GITHUB_STEP_SUMMARY, and the outputs appended to
/// $GITHUB_OUTPUT, both through <see cref="GitHubRunnerFiles"/>.
/// </summary>
internal static class GitHubHost
{
    public static IReadOnlyList<string> Publish(GateReport report, HostPublishSettings settings,
        IReadOnlyDictionary<string, string?> env, TextWriter stderr)
    {
        foreach (var annotation in Annotations.For(report))
        {
            stderr.WriteLine(annotation.ToString());
        }

        var files = new GitHubRunnerFiles(env);
        var summary = files.AppendSummary(written => StepSummary.Build(report, written, markdown: settings.Markdown));
        var outputs = files.AppendOutputs(GateOutputs.For(report, settings.Passed, settings.ReportJsonPath));
        return [.. new[] { summary, outputs }.OfType<string>()];
    }
}
