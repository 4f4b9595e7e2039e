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
