using Gates.Cli.Comments;
using Gates.Core;
using Gates.Core.Results;

namespace Gates.Cli;

/// <summary>The exit codes every tool shares (docs/exit-codes.md). Mapped here and nowhere else.</summary>
public static class ExitCodes
{
    public const int Passed = 0;
    public const int GateFailed = 1;
    public const int UsageError = 2;
    public const int RuntimeError = 3;
    public const int Inconclusive = 4;

    /// <summary>manifest-bump only: the target branch kept moving and the bounded re-applies ran out (docs/exit-codes.md).</summary>
    public const int Conflict = 5;

    /// <summary>
    /// The exit code of a finished run: a conflict is 5; a failed canary action, or a comment that could not be
    /// posted under <c>--pr-comment required</c>, is 3; otherwise the verdict under --fail-on and --on-inconclusive.
    /// </summary>
    public static int For(RunOutcome outcome, CommonSettings settings)
    {
        if (outcome.Conflict)
        {
            return Conflict;
        }

        if (outcome.ActionFailed)
        {
            return RuntimeError;
        }

        if (outcome.Comment is { } comment && comment.IsFailure() && settings.PrComment == PrCommentMode.Required)
        {
            return RuntimeError;
        }

        return For(outcome.Verdict, settings.FailOn, settings.OnInconclusive);
    }

    /// <summary>
    /// The exit code of a run that ended in an exception: bad input is 2; infrastructure failures, cancellation
    /// and bugs are 3.
    /// </summary>
    public static int For(Exception exception) => exception switch
    {
        GateInputException => UsageError,
        _ => RuntimeError,
    };

    public static int For(Verdict verdict, FailOn failOn, InconclusivePolicy onInconclusive) => verdict switch
    {
        Verdict.Pass => Passed,
        Verdict.Warn => failOn == FailOn.Warn ? GateFailed : Passed,
        Verdict.Inconclusive => onInconclusive switch
        {
            InconclusivePolicy.Pass => Passed,
            InconclusivePolicy.Warn => For(Verdict.Warn, failOn, onInconclusive),
            InconclusivePolicy.Fail => GateFailed,
            _ => Inconclusive,
        },
        _ => GateFailed,
    };
}

public enum FailOn
{
    Fail,
    Warn,
}

public enum InconclusivePolicy
{
    /// <summary>Exit 4.</summary>
    Exit,
    Pass,
    Warn,
    Fail,
}
