using Gates.Cli.Comments;
using Gates.Core.Results;

namespace Gates.Cli.Tests;

public class ExitCodesTests
{
    [Theory]
    [InlineData(Verdict.Pass, FailOn.Fail, InconclusivePolicy.Exit, 0)]
    [InlineData(Verdict.Warn, FailOn.Fail, InconclusivePolicy.Exit, 0)]
    [InlineData(Verdict.Warn, FailOn.Warn, InconclusivePolicy.Exit, 1)]
    [InlineData(Verdict.Fail, FailOn.Fail, InconclusivePolicy.Pass, 1)]
    [InlineData(Verdict.Inconclusive, FailOn.Fail, InconclusivePolicy.Exit, 4)]
    [InlineData(Verdict.Inconclusive, FailOn.Fail, InconclusivePolicy.Pass, 0)]
    [InlineData(Verdict.Inconclusive, FailOn.Fail, InconclusivePolicy.Warn, 0)]
    [InlineData(Verdict.Inconclusive, FailOn.Warn, InconclusivePolicy.Warn, 1)]
    [InlineData(Verdict.Inconclusive, FailOn.Fail, InconclusivePolicy.Fail, 1)]
    public void Maps_verdicts_under_the_flags(Verdict verdict, FailOn failOn, InconclusivePolicy policy, int expected)
    {
        ExitCodes.For(verdict, failOn, policy).ShouldBe(expected);
    }
}

public class RunOutcomeExitCodesTests
{
    private static readonly CommonSettings Required = new() { PrComment = PrCommentMode.Required };

    [Fact]
    public void A_conflict_is_exit_5_whatever_else_happened()
    {
        var outcome = new RunOutcome(Verdict.Fail) { Conflict = true, ActionFailed = true, Comment = CommentStatus.Failed };

        ExitCodes.For(outcome, Required).ShouldBe(ExitCodes.Conflict);
    }

    [Fact]
    public void A_failed_action_is_exit_3_even_when_the_verdict_passed()
    {
        ExitCodes.For(new RunOutcome(Verdict.Pass) { ActionFailed = true }, new CommonSettings()).ShouldBe(ExitCodes.RuntimeError);
    }

    [Fact]
    public void A_failed_comment_is_exit_3_only_when_required()
    {
        var outcome = new RunOutcome(Verdict.Pass) { Comment = CommentStatus.Failed };

        ExitCodes.For(outcome, Required).ShouldBe(ExitCodes.RuntimeError);
        ExitCodes.For(outcome, new CommonSettings()).ShouldBe(ExitCodes.Passed);
    }

    [Fact]
    public void Without_other_facts_the_verdict_decides_under_the_flags()
    {
        var settings = new CommonSettings { FailOn = FailOn.Warn, OnInconclusive = InconclusivePolicy.Pass };

        ExitCodes.For(new RunOutcome(Verdict.Warn), settings).ShouldBe(ExitCodes.GateFailed);
        ExitCodes.For(new RunOutcome(Verdict.Inconclusive), settings).ShouldBe(ExitCodes.Passed);
        ExitCodes.For(new RunOutcome(Verdict.Inconclusive), new CommonSettings()).ShouldBe(ExitCodes.Inconclusive);
    }

    [Fact]
    public void Input_errors_are_exit_2_and_every_other_exception_exit_3()
    {
        ExitCodes.For(new Core.GateInputException("bad file")).ShouldBe(ExitCodes.UsageError);
        ExitCodes.For(new Core.GateRuntimeException("503")).ShouldBe(ExitCodes.RuntimeError);
        ExitCodes.For(new OperationCanceledException()).ShouldBe(ExitCodes.RuntimeError);
        ExitCodes.For(new InvalidOperationException("bug")).ShouldBe(ExitCodes.RuntimeError);
    }
}
