using Gates.Core;
using Gates.Core.Hosts;
using Gates.Core.Results;

namespace Gates.Cli.Hosts;

/// <summary>
/// GitHub Actions: annotations as workflow commands on stderr (the runner reads commands from both streams, and
/// stdout is the product), the Markdown report appended to $GITHUB_STEP_SUMMARY, and the outputs appended to
/// $GITHUB_OUTPUT with a fresh random delimiter. Both files belong to the runner, so they are appended to.
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

        var written = new List<string>();
        if (Get(env, "GITHUB_STEP_SUMMARY") is { } summaryPath)
        {
            var existing = File.Exists(summaryPath) ? new FileInfo(summaryPath).Length : 0;
            var separator = existing > 0 ? "\n" : "";
            Append(summaryPath, separator + StepSummary.Build(report, existing + separator.Length, markdown: settings.Markdown));
            written.Add(summaryPath);
        }

        if (Get(env, "GITHUB_OUTPUT") is { } outputPath)
        {
            var outputs = GateOutputs.For(report, settings.Passed, settings.ReportJsonPath);
            Append(outputPath, GitHubOutputs.Heredocs(outputs, GitHubOutputs.NewDelimiter(Guid.NewGuid())));
            written.Add(outputPath);
        }

        return written;
    }

    private static string? Get(IReadOnlyDictionary<string, string?> env, string name) =>
        env.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static void Append(string path, string content)
    {
        try
        {
            File.AppendAllText(path, content, AtomicFile.Utf8NoBom);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GateRuntimeException($"could not append to {path}: {e.Message}", e);
        }
    }
}
