using Gates.Core.Hosts;
using Gates.Core.Results;
using Gates.Core.Tests.Reporting;
using Gates.Testing;

namespace Gates.Core.Tests.Hosts;

public sealed class AnnotationsTests
{
    [Fact]
    public void For_realistic_report_matches_approved() =>
        Approvals.Verify(Lines(Annotations.For(SampleReports.Realistic())), "annotations-realistic");

    [Fact]
    public void For_realistic_report_error_for_the_failure_and_warnings_worst_first()
    {
        var commands = Annotations.For(SampleReports.Realistic());

        commands.Select(c => c.Name).ShouldBe(["error", "warning", "warning"]);
        commands.Select(Title).ShouldBe(
            ["eval-gate hallucination: FAIL", "eval-gate toxicity: INCONCLUSIVE", "eval-gate answer_relevance: WARN"]);
    }

    [Fact]
    public void For_advisory_failure_is_a_warning()
    {
        var report = WithChecks(Check("optional", Verdict.Fail) with { Required = false });

        Annotations.For(report).Single().Name.ShouldBe("warning");
    }

    [Fact]
    public void For_all_pass_has_no_annotations() =>
        Annotations.For(WithChecks(Check("a", Verdict.Pass), Check("b", Verdict.Pass))).ShouldBeEmpty();

    [Fact]
    public void For_more_than_the_caps_stops_at_ten_and_ten_and_says_how_many_were_left_out()
    {
        var checks = Enumerable.Range(1, 12).Select(i => Check($"fail{i}", Verdict.Fail))
            .Concat(Enumerable.Range(1, 13).Select(i => Check($"unsure{i}", Verdict.Inconclusive)))
            .ToArray();

        var commands = Annotations.For(WithChecks(checks));

        commands.Count(c => c.Name == "error").ShouldBe(10);
        commands.Count(c => c.Name == "warning").ShouldBe(10);
        commands[^1].Name.ShouldBe("notice");
        commands[^1].Message.ShouldStartWith("5 more checks were not annotated");
        commands[^1].Message.ShouldContain("step summary");
        commands.Where(c => c.Name == "error").Select(Title).ShouldBe(
            Enumerable.Range(1, 10).Select(i => $"gate fail{i}: FAIL"));
    }

    [Fact]
    public void For_hostile_reason_stays_on_one_log_line()
    {
        var line = Annotations.For(WithChecks(Check("x", Verdict.Fail) with { Reason = "bad\n::error::forged" }))
            .Single().ToString();

        line.ShouldBe("::error title=gate x%3A FAIL::bad%0A::error::forged");
    }

    private static string Lines(IEnumerable<WorkflowCommand> commands) =>
        string.Concat(commands.Select(c => c + "\n"));

    private static string? Title(WorkflowCommand command) =>
        command.Properties.Single(p => p.Key == "title").Value;

    private static CheckResult Check(string name, Verdict verdict) =>
        new() { Name = name, Verdict = verdict, Reason = $"{name} is {verdict.ToWord()}" };

    private static GateReport WithChecks(params CheckResult[] checks) => new()
    {
        Tool = new ToolInfo("gate", "1.0.0"),
        Verdict = checks.Select(c => c.Verdict).Worst(),
        Summary = "",
        StartedAt = DateTimeOffset.UnixEpoch,
        DurationSeconds = 1,
        Checks = checks,
    };
}
