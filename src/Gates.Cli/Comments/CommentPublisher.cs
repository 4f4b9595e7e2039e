using Gates.Cli.Hosts;
using Gates.GitHub.Comments;
using Gates.GitLab.Notes;
using Gates.Http;

namespace Gates.Cli.Comments;

/// <summary>
/// Posts (or updates) the sticky comment for one run and never throws for an API failure: every outcome is a
/// <see cref="CommentOutcome"/> with at most one message, free of the token. Outside a pull request it does
/// nothing and says nothing.
/// </summary>
public static class CommentPublisher
{
    public static async Task<CommentOutcome> PublishAsync(CommentRequest request, HostKind host, GateEnvironment env, CommentServices services, CancellationToken ct)
    {
        if (request.PrComment == PrCommentMode.Off || request.Mode == CommentMode.Off)
        {
            return new CommentOutcome(CommentStatus.SkippedOff);
        }

        var (target, skip) = CommentTargetReader.Read(host, env, request.PrNumber);
        if (target is null)
        {
            return skip!;
        }

        try
        {
            using var handler = services.RetryingHandler(env.Time);
            var thread = Open(target, handler, request.ToolVersion, out var disposable);
            using (disposable)
            {
                var marker = CommentMarker.For(request.Tool, request.Key);
                var body = CommentBody.Build(request.Markdown, marker, thread.MaxBodyLength, request.RunUrl);
                var outcome = await StickyComment.UpsertAsync(thread, marker, body, request.Mode, ct);
                return outcome with { Message = Redact(Success(outcome, target), target.Token) };
            }
        }
        catch (CommentApiException e)
        {
            return new CommentOutcome(CommentStatus.Failed, null, Redact(Explain(e, target, services.Retry.MaxAttempts), target.Token));
        }
        catch (ArgumentException e)
        {
            return new CommentOutcome(CommentStatus.Failed, null, Redact($"{Noun(target)} not posted on {target}: {e.Message}", target.Token));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A comment is a courtesy: whatever goes wrong here must not change the gate's verdict or exit code.
            return new CommentOutcome(CommentStatus.Failed, null,
                Redact($"{Noun(target)} not posted on {target}: unexpected {e.GetType().Name}: {e.Message}", target.Token));
        }
    }

    /// <summary>Replaces every occurrence of the token with *** (defence in depth: no message is built from it).</summary>
    private static string Redact(string text, string token) => ApiTokens.Redact(text, token);

    private static ICommentThread Open(CommentTarget target, HttpMessageHandler handler, string version, out IDisposable? disposable)
    {
        if (target.Platform == HostKind.GitLab)
        {
            var notes = new GitLabMergeRequestNotes(GitLabThreadAddress.Parse(target.ApiUrl, target.Place, target.Number), target.Token, handler, disposeHandler: false);
            disposable = notes;
            return new GitLabThread(notes, $"merge request {target}");
        }

        var address = GitHubThreadAddress.Parse(target.ApiUrl, target.Place, checked((int)target.Number));
        disposable = null;
        return new GitHubThread(new GitHubIssueComments(address, target.Token, () => handler, version), $"pull request {target}");
    }

    private static string Success(CommentOutcome outcome, CommentTarget target) =>
        $"{Noun(target)} {outcome.Status.ToWord()} on {target}" + (outcome.Url is { } url ? $": {url}" : "");

    private static string Noun(CommentTarget target) => target.Platform == HostKind.GitLab ? "MR note" : "PR comment";

    private static string Explain(CommentApiException e, CommentTarget target, int attempts)
    {
        var gitlab = target.Platform == HostKind.GitLab;
        var said = string.IsNullOrWhiteSpace(e.Message) ? $"{e.StatusCode}" : $"{e.StatusCode}: {e.Message}";
        var why = e.StatusCode switch
        {
            401 => $"the token was refused ({said}); check that it is valid and not expired.",
            403 or 429 when e.Message.Contains("rate limit", StringComparison.OrdinalIgnoreCase) =>
                $"the API kept rate-limiting the requests ({said}) after retrying.",
            403 when gitlab => $"the token may not post notes there ({said}). It needs the api scope and at least the Reporter role.",
            403 => $"the token may not write comments there ({said}). Give the job `permissions: pull-requests: write`; {CommentTargetReader.ReadOnlyAdvice}.",
            404 => $"it was not found, or the token cannot see it ({said}).",
            422 => $"the server refused the comment ({said}).",
            0 => $"no answer after {attempts} attempts ({e.Message}).",
            _ => $"the API kept failing ({said}) after retrying.",
        };
        var fallback = gitlab ? "The report is in the job log and the JUnit report." : "The report is in the step summary.";
        return $"{Noun(target)} not posted on {target}: {why} {fallback}";
    }
}
