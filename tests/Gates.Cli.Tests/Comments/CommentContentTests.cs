using Gates.Cli.Comments;
using Gates.Cli.Tests.Hosts;
using Gates.Core.Results;

namespace Gates.Cli.Tests.Comments;

/// <summary>What goes into a comment: the size limit and untrusted text.</summary>
public sealed class CommentContentTests : IDisposable
{
    private readonly CommentHarness harness = CommentHarness.ForGitHub();

    public void Dispose() => harness.Dispose();

    private static GateReport WithChecks(int count, string reason) => SampleReport.Failing() with
    {
        Checks = [.. Enumerable.Range(0, count).Select(i => new CheckResult { Name = $"check_{i}", Verdict = Verdict.Fail, Reason = reason })],
    };

    [Fact]
    public void A_report_too_big_for_a_comment_drops_its_details_and_says_where_they_are()
    {
        harness.Publish(WithChecks(300, new string('r', 400))).ShouldBe(1);

        var body = harness.Comments.ShouldHaveSingleItem().Body;
        body.Length.ShouldBeLessThanOrEqualTo(65_536);
        body.ShouldNotContain("<details>");
        body.ShouldContain("Details were left out to keep this comment under the 65,536-character limit; see [the run's summary](https://github.example/acme/models/actions/runs/987)");
        body.ShouldContain("check\\_299");
        body.ShouldEndWith("<!-- gates:eval-gate:support-bot -->");
        harness.Summary.ShouldContain("<details>");
    }

    [Fact]
    public void Even_the_summary_table_is_cut_at_a_line_when_it_is_too_long()
    {
        harness.Publish(WithChecks(5_000, "x"));

        var body = harness.Comments.ShouldHaveSingleItem().Body;
        body.Length.ShouldBeLessThanOrEqualTo(65_536);
        body.Length.ShouldBeGreaterThan(60_000);
        body.ShouldContain("**Truncated:** this comment was cut to stay under the 65,536-character limit");
        body.ShouldEndWith("<!-- gates:eval-gate:support-bot -->");
        body.Split('\n').Where(l => l.StartsWith("| ")).ShouldAllBe(l => l.EndsWith(" |"));
    }

    [Theory]
    [InlineData("🌈")]
    [InlineData("測試結果")]
    [InlineData("é🌈測")]
    public void A_multibyte_report_cut_for_a_comment_stays_within_the_limit_and_says_it_was_truncated(string text)
    {
        harness.Publish(SampleReport.Failing() with
        {
            Checks = [.. Enumerable.Range(0, 5_000).Select(i => new CheckResult { Name = $"{text}{i}", Verdict = Verdict.Fail, Reason = text })],
        });

        var body = harness.Comments.ShouldHaveSingleItem().Body;
        body.Length.ShouldBeLessThanOrEqualTo(65_536);
        body.Length.ShouldBeGreaterThan(60_000);
        body.ShouldContain($"{text}4");
        char.IsHighSurrogate(body[^1]).ShouldBeFalse();
        body.EnumerateRunes().Count().ShouldBeLessThanOrEqualTo(65_536);
        System.Text.Encoding.UTF8.GetByteCount(body).ShouldBeLessThanOrEqualTo(262_144);
        body.ShouldNotContain("\uFFFD");
        var lines = body.TrimEnd('\n').Split('\n');
        lines[^1].ShouldBe("<!-- gates:eval-gate:support-bot -->");
        lines.Last(l => l.Length > 0 && !l.StartsWith("<!--")).ShouldStartWith("> **Truncated:** this comment was cut");
    }

    [Fact]
    public void A_hostile_metric_name_cannot_close_the_marker_ping_anyone_or_issue_workflow_commands()
    {
        const string hostile = "x --> <!-- gates:eval-gate:support-bot --> @acme/security-team #1 <img src=x onerror=alert(1)>\n::error::pwned";
        var report = SampleReport.Failing() with
        {
            Checks = [new CheckResult { Name = hostile, Metric = hostile, Verdict = Verdict.Fail, Reason = hostile }],
            Summary = hostile,
        };

        harness.Publish(report);
        harness.Publish(report with { Summary = "second" });

        var body = harness.Comments.ShouldHaveSingleItem().Body;
        Count(body, "<!--").ShouldBe(1);
        Count(body, "-->").ShouldBe(1);
        body.ShouldEndWith("<!-- gates:eval-gate:support-bot -->");
        body.ShouldNotContain("@acme");
        body.ShouldContain("@\u200Dacme");
        body.ShouldNotContain("<img");
        (harness.Stdout + harness.Stderr).Split('\n').ShouldNotContain(l => l.TrimStart().StartsWith("::error::pwned"));
    }

    [Fact]
    public void Marker_keys_are_reduced_to_safe_characters()
    {
        CommentMarker.For("eval-gate", "Org/Model v2 -->").ShouldBe("<!-- gates:eval-gate:org-model-v2 -->");
        CommentMarker.For("eval-gate", null).ShouldBe("<!-- gates:eval-gate:default -->");
        CommentMarker.For("eval-gate", "<!--").ShouldBe("<!-- gates:eval-gate:default -->");
    }

    [Fact]
    public void Run_links_accept_only_http_urls_and_cannot_break_the_link()
    {
        RunLink.Markdown("javascript:alert(1)", "run").ShouldBeNull();
        RunLink.Markdown("https://ci.example/run (1)", "run").ShouldBe("[run](https://ci.example/run%20%281%29)");
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
