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
