using Gates.Cli.Comments;
using Gates.Core.Results;

namespace Gates.Cli;

/// <summary>
/// What a run came to, as far as the exit code is concerned: the report's verdict, plus the facts besides it that
/// change the code (a manifest-bump conflict, a canary action that failed, the pull-request comment's fate).
/// <see cref="ExitCodes.For(RunOutcome, CommonSettings)"/> turns it into the exit code.
/// </summary>
public sealed record RunOutcome(Verdict Verdict)
{
    /// <summary>manifest-bump: the target branch kept moving and the bounded re-applies ran out (exit 5).</summary>
    public bool Conflict { get; init; }

    /// <summary>canary-validate: the promote or rollback action was tried and failed (exit 3).</summary>
    public bool ActionFailed { get; init; }

    /// <summary>What happened to the sticky comment; null before publishing. A failure is exit 3 under <c>--pr-comment required</c>.</summary>
    public CommentStatus? Comment { get; init; }

    public static RunOutcome Of(GateReport report) => new(report.Verdict);
}
