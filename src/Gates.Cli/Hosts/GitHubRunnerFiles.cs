using Gates.Core;
using Gates.Core.Hosts;

namespace Gates.Cli.Hosts;

/// <summary>
/// The one writer of the files a GitHub Actions runner hands a step: <c>$GITHUB_OUTPUT</c> (step outputs),
/// <c>$GITHUB_STEP_SUMMARY</c> (the job summary, Markdown) and <c>$GITHUB_ENV</c> (variables for later steps).
/// They belong to the runner, so they are appended to, never replaced; outputs and variables use the multi-line
/// form with a fresh random delimiter. A variable that is not set means "not on a runner": nothing is written.
/// A file that cannot be written is a runtime error (exit 3) naming the path.
/// </summary>
public sealed class GitHubRunnerFiles
{
    public const string OutputVariable = "GITHUB_OUTPUT";
    public const string SummaryVariable = "GITHUB_STEP_SUMMARY";
    public const string EnvVariable = "GITHUB_ENV";

    public GitHubRunnerFiles(IReadOnlyDictionary<string, string?> env)
    {
        OutputPath = Get(env, OutputVariable);
        SummaryPath = Get(env, SummaryVariable);
        EnvPath = Get(env, EnvVariable);
    }

    public string? OutputPath { get; }
    public string? SummaryPath { get; }
    public string? EnvPath { get; }

    /// <summary>Appends step outputs; returns the file written, or null when there is none.</summary>
    public string? AppendOutputs(IEnumerable<KeyValuePair<string, string>> outputs) =>
        AppendHeredocs(OutputPath, outputs);

    /// <summary>Appends variables for the later steps of the job; returns the file written, or null when there is none.</summary>
    public string? AppendEnv(IEnumerable<KeyValuePair<string, string>> variables) =>
        AppendHeredocs(EnvPath, variables);

    /// <summary>
    /// Appends Markdown to the job summary. <paramref name="build"/> gets the bytes the summary already holds
    /// (after the blank line that separates this part from an earlier one), so it can keep under GitHub's limit.
    /// Returns the file written, or null when there is none.
    /// </summary>
    public string? AppendSummary(Func<long, string> build)
    {
        if (SummaryPath is not { } path)
        {
            return null;
        }

        var existing = Length(path);
        var separator = existing > 0 ? "\n" : "";
        Append(path, separator + build(existing + separator.Length));
        return path;
    }

    /// <summary>Appends Markdown to the job summary as it is; returns the file written, or null when there is none.</summary>
    public string? AppendSummary(string markdown)
    {
        if (SummaryPath is not { } path)
        {
            return null;
        }

        Append(path, markdown);
        return path;
    }

    private static string? AppendHeredocs(string? path, IEnumerable<KeyValuePair<string, string>> values)
    {
        if (path is null)
        {
            return null;
        }

        Append(path, GitHubOutputs.Heredocs(values, GitHubOutputs.NewDelimiter(Guid.NewGuid())));
        return path;
    }

    private static long Length(string path)
    {
        try
        {
            return File.Exists(path) ? new FileInfo(path).Length : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GateRuntimeException($"could not read {path}: {e.Message}", e);
        }
    }

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

    private static string? Get(IReadOnlyDictionary<string, string?> env, string name) =>
        env.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
