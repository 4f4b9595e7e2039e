using System.Text.Json.Nodes;
using Gates.Core.Results;
using Gates.Testing;

namespace Gates.Cli.Tests;

public sealed class GateRunTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly TempFolder temp = new();
    private readonly StringWriter stdout = new() { NewLine = "\n" };
    private readonly StringWriter stderr = new() { NewLine = "\n" };
    private readonly SteppingTime time = new(Noon);

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Finish_makes_the_report_from_what_the_tool_added()
    {
        var run = Start(new CommonSettings { SubjectModel = "bot" }, ("GITHUB_SHA", "abc123"));
        time.Advance(TimeSpan.FromSeconds(2.5));

        var report = run
            .AddInput(new InputFile("results", "r.json", "11"))
            .UseThresholds(new InputFile("thresholds", "t.yaml", "22"))
            .AddChecks([Check("a", Verdict.Pass), Check("b", Verdict.Warn)])
            .AddWarnings(["look out"])
            .SetSection(new JsonObject { ["n"] = 1 })
            .Finish();

        report.Tool.Name.ShouldBe("sample-tool");
        report.Subject.ShouldBe(new Subject { Model = "bot", Commit = "abc123" });
        report.Verdict.ShouldBe(Verdict.Warn);
        report.Summary.ShouldBe(ReportSummary.For(report.Checks));
        report.StartedAt.ShouldBe(Noon);
        report.DurationSeconds.ShouldBe(2.5);
        report.Inputs.ShouldBe([new InputFile("results", "r.json", "11")]);
        report.Thresholds.ShouldBe(new InputFile("thresholds", "t.yaml", "22"));
        report.Warnings.ShouldBe(["look out"]);
        report.Details!.Keys.ShouldBe(["sample-tool"]);
    }

    [Fact]
    public void A_tool_may_decide_summary_verdict_and_subject_itself_but_the_flags_still_win()
    {
        var run = Start(new CommonSettings { SubjectVersion = "from-flag" });

        var report = run.SubjectFound("found-model", "found-version").AddChecks([Check("a", Verdict.Pass)]).Finish("my summary", Verdict.Fail);

        report.Summary.ShouldBe("my summary");
        report.Verdict.ShouldBe(Verdict.Fail);
        report.Subject.Model.ShouldBe("found-model");
        report.Subject.Version.ShouldBe("from-flag");
        report.Details.ShouldBeNull();
    }

    [Fact]
    public async Task Publish_says_the_warnings_prints_the_report_and_returns_the_exit_code()
    {
        var run = Start(new CommonSettings());
        var report = run.AddChecks([Check("a", Verdict.Fail)]).AddWarnings(["one"]).Finish();

        var code = await run.PublishAsync(report, CancellationToken.None);

        code.ShouldBe(ExitCodes.GateFailed);
        stderr.ToString().ShouldContain("sample-tool: warning: one\n");
        stdout.ToString().ShouldContain("sample-tool");
    }

    [Fact]
    public async Task Publish_takes_the_outcome_beside_the_verdict_and_tells_the_host_it_did_not_pass()
    {
        var output = temp.Write("output", "");
        var run = Start(new CommonSettings { Ci = "github" }, ("GITHUB_OUTPUT", output));
        var report = run.AddChecks([Check("a", Verdict.Pass)]).Finish();

        var code = await run.PublishAsync(report, CancellationToken.None, outcome: RunOutcome.Of(report) with { ActionFailed = true });

        code.ShouldBe(ExitCodes.RuntimeError);
        File.ReadAllText(output).ShouldMatch("passed<<(\\S+)\nfalse\n\\1\n");
    }

    [Fact]
    public async Task Publish_stops_when_cancelled()
    {
        var run = Start(new CommonSettings { Ci = "github", PrComment = PrCommentMode.Required, PrNumber = 3 },
            ("GITHUB_REPOSITORY", "acme/models"), ("GITHUB_TOKEN", "ghs_token"), ("GITHUB_API_URL", "http://127.0.0.1:9/"));
        var report = run.AddChecks([Check("a", Verdict.Pass)]).Finish();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() =>
            run.PublishAsync(report, cancelled.Token));
    }

    private GateRun Start(CommonSettings settings, params (string Key, string Value)[] variables)
    {
        var env = new GateEnvironment(stdout, stderr, variables.ToDictionary(v => v.Key, v => (string?)v.Value), time, temp.Path);
        return GateRun.Start("sample-tool", typeof(GateRunTests).Assembly, settings, env);
    }

    private static CheckResult Check(string name, Verdict verdict) => new() { Name = name, Verdict = verdict, Reason = verdict.ToString() };

    /// <summary>A clock that moves only when told.</summary>
    private sealed class SteppingTime(DateTimeOffset start) : TimeProvider
    {
        private TimeSpan elapsed;

        public void Advance(TimeSpan by) => elapsed += by;

        public override DateTimeOffset GetUtcNow() => start + elapsed;

        public override long GetTimestamp() => elapsed.Ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    }
}
