using Gates.Cli.Hosts;
using Gates.Core.Hosts;
using Gates.Core.Reporting;
using Gates.Core.Results;

namespace Gates.Cli.Comments;

/// <summary>
/// The comment part of publishing a report, for every tool: builds the request from the common flags, posts,
/// then says what happened in one line on stderr (a <c>::warning</c> annotation on GitHub when the comment
/// could not be posted) and publishes <c>comment-status</c> and <c>comment-url</c> to <c>$GITHUB_OUTPUT</c>.
/// </summary>
internal static class CommentStep
{
    public static async Task<CommentStatus> RunAsync(GateReport report, CommonSettings settings, GateEnvironment env, HostKind host,
        PublishOptions options, CancellationToken ct)
    {
        var markdown = options.MarkdownOrDefault;
        var request = new CommentRequest
        {
            Tool = report.Tool.Name,
            ToolVersion = report.Tool.Version,
            Key = settings.CommentKey ?? report.Subject.Model,
            Mode = settings.CommentMode,
            PrComment = settings.PrComment,
            PrNumber = settings.PrNumber,
            Markdown = details => markdown(details).RenderToString(report),
            RunUrl = CiRun.From(env).RunUrl,
        };
        var outcome = await CommentPublisher.PublishAsync(request, host, env, options.Comments, ct);
        Say(outcome, report.Tool.Name, settings, host, env);
        if (host == HostKind.GitHub && outcome.Status != CommentStatus.SkippedOff)
        {
            WriteOutputs(outcome, env);
        }

        return outcome.Status;
    }

    private static void Say(CommentOutcome outcome, string tool, CommonSettings settings, HostKind host, GateEnvironment env)
    {
        var required = settings.PrComment == PrCommentMode.Required;
        if (outcome.Status == CommentStatus.SkippedNoPr)
        {
            if (required || settings.Verbose)
            {
                env.Error.WriteLine($"{tool}: no pull or merge request in this run; no comment to post");
            }

            return;
        }

        if (outcome.Message is not { } message)
        {
            return;
        }

        if (!outcome.Status.IsFailure())
        {
            env.Error.WriteLine($"{tool}: {message}");
            return;
        }

        message += required ? " (--pr-comment required: exit 3)" : "";
        env.Error.WriteLine(host == HostKind.GitHub
            ? WorkflowCommand.Warning(message, title: $"{tool}: comment not posted").ToString()
            : $"{tool}: warning: {message}");
    }

    private static void WriteOutputs(CommentOutcome outcome, GateEnvironment env)
    {
        var outputs = new List<KeyValuePair<string, string>> { new("comment-status", outcome.Status.ToWord()) };
        if (outcome.Url is { } url)
        {
            outputs.Add(new("comment-url", url));
        }

        new GitHubRunnerFiles(env.Variables).AppendOutputs(outputs);
    }
}
