using System.Text.Json.Nodes;
using Gates.CanaryValidate.Analysis;
using Gates.CanaryValidate.Report;
using Gates.CanaryValidate.Tests.Command;
using Gates.CanaryValidate.Tests.Scenarios;
using Gates.CanaryValidate.Tests.Support;
using Gates.Core.Results;
using Gates.Testing;
using Gates.Testing.Tools;

namespace Gates.CanaryValidate.Tests.Report;

/// <summary>canary-validate's charts: the timeline of looks in the --html page and in the Markdown summary.</summary>
public sealed class CanaryChartTests(RealPrometheus prometheus) : IClassFixture<RealPrometheus>
{
    private const string Hostile = "latency\"] ;\n%%{init}%% <b>";

    private static AnalysisOutcome Outcome(CanaryGate gate)
    {
        GateLook Look(GateStatus status, double? value, double? low, double? high, long n) => new()
        {
            Gate = gate.Name,
            Status = status,
            Value = value,
            Interval = low is { } l && high is { } h ? new Interval(l, h, 0.95) : null,
            CanaryN = n,
            BaselineN = n * 9,
            Method = "m",
            Reason = "r",
        };
        var looks = new List<LookRecord>
        {
            new(1, DateTimeOffset.UnixEpoch.AddMinutes(1), TimeSpan.FromMinutes(1), [Look(GateStatus.TooFewSamples, 0.01, null, null, 40)], new TrafficCounts(40, 360), null),
            new(2, DateTimeOffset.UnixEpoch.AddMinutes(2), TimeSpan.FromMinutes(2), [Look(GateStatus.Undecided, 0.012, 0.001, 0.08, 120)], new TrafficCounts(120, 1080), null),
            new(3, DateTimeOffset.UnixEpoch.AddMinutes(3), TimeSpan.FromMinutes(3), [Look(GateStatus.Undecided, 0.01, 0.003, 0.04, 250)], new TrafficCounts(250, 2250), null),
            new(4, DateTimeOffset.UnixEpoch.AddMinutes(4), TimeSpan.FromMinutes(4), [Look(GateStatus.Pass, 0.009, 0.004, 0.018, 400)], new TrafficCounts(400, 3600), null),
        };
        return new AnalysisOutcome
        {
            Decision = CanaryDecision.Promote,
            Reason = "every required gate passed",
            Looks = looks,
            Gates = [looks[^1].Gates[0]],
        };
    }

    private static AnalysisPlan Plan(CanaryGate gate) => new() { Gates = [gate] };

    [Fact]
    public void The_timeline_names_the_deciding_look_and_keeps_looks_without_an_interval_out_of_the_chart()
    {
        var gate = TestGates.ErrorRateAtMost(0.02);

        var timeline = GateTimeline.From(Plan(gate), Outcome(gate)).ShouldHaveSingleItem();
        var markdown = CanaryMermaid.Chart(timeline).ToMarkdown();

        timeline.DecidedAtLook.ShouldBe(4);
        timeline.Points.Count.ShouldBe(4);
        timeline.Points.Count(p => p.Drawable).ShouldBe(3);
        timeline.ToJson()["decidedAtSeconds"]!.GetValue<double>().ShouldBe(240);
        markdown.ShouldContain("x-axis \"time since the window opened\" [\"+2m\", \"+3m\", \"+4m\"]");
        markdown.ShouldContain("line \"upper bound\" [0.08, 0.04, 0.018]");
        markdown.ShouldContain("line \"limit\" [0.02, 0.02, 0.02]");
        markdown.ShouldContain("decided PASS at look 4 (+4m)");
    }

    [Fact]
    public void Html_and_mermaid_charts_of_a_hostile_gate_name_render_safely()
    {
        var gate = TestGates.ErrorRateAtMost(0.02, Hostile);
        var outcome = Outcome(gate);
        var timelines = GateTimeline.From(Plan(gate), outcome);
        using var temp = new TempFolder();
        var report = new GateReport
        {
            Tool = new ToolInfo("canary-validate", "1.0.0"),
            Verdict = Verdict.Pass,
            Summary = "promote",
            StartedAt = DateTimeOffset.UnixEpoch,
            DurationSeconds = 240,
            Checks = [new CheckResult { Name = Hostile, Verdict = Verdict.Pass, Reason = "r" }],
        };
        var html = temp.Write("report.html", Gates.Core.Reporting.ReportRenderers.RenderToString(CanaryHtml.Renderer(timelines, outcome.Looks), report));

        var (dom, titles) = HtmlReportChecks.RenderSelfContained(html);
        titles.ShouldContain($"{Hostile}: confidence sequence against the limit");
        titles.ShouldContain("Requests per side since the window opened");
        dom.ShouldNotContain("<b>");
        dom.ShouldContain("decided PASS, look 4");
        NodeTools.HtmlValidate(temp.Path, "report.html").ShouldExit(0);

        var blocks = MermaidDiagrams.Blocks(string.Concat(CanaryMermaid.Charts(timelines)));
        var drawn = MermaidDiagrams.Draw(blocks).ShouldHaveSingleItem();
        drawn.Drawn.ShouldBeTrue(drawn.Message);
        drawn.SvgText.ShouldContain("latency pct pct init pct pct below b above");
    }

    [Fact]
    public async Task A_rolled_back_canary_shows_its_gates_over_the_looks_in_html_and_markdown()
    {
        using var run = new CommandRunner();

        var exit = await run.RunAsync("--canary-name", "bad-00002", "--baseline-name", "bad-00001", "--namespace", KnativeSeries.Namespace,
            "--template", "knative", "--prometheus-url", prometheus.Server.Url.AbsoluteUri, "--duration", "900", "--error-rate-threshold", "0.02",
            "--html", "report.html", "--markdown", "summary.md", "--report-json", "report.json");

        exit.ShouldBe(1, run.Error.ToString());
        // docs/images/make-screenshots.sh takes the README's canary-validate picture of this page.
        if (Environment.GetEnvironmentVariable("GATES_SCREENSHOT_DIR") is { Length: > 0 } screenshots)
        {
            File.Copy(run.Folder.File("report.html"), Path.Combine(screenshots, "canary-validate.html"), overwrite: true);
        }

        var (_, titles) = HtmlReportChecks.RenderSelfContained(run.Folder.File("report.html"));
        titles.ShouldContain("error-rate: confidence sequence against the limit");
        var markdown = File.ReadAllText(run.Folder.File("summary.md"));
        markdown.ShouldContain("decided FAIL at look");
        MermaidDiagrams.Draw(MermaidDiagrams.Blocks(markdown)).ShouldAllBe(d => d.Drawn);
        var gates = JsonNode.Parse(File.ReadAllText(run.Folder.File("report.json")))!["details"]!["canary-validate"]!["gates"]!.AsArray();
        var errorRate = gates.Single(g => g!["gate"]!.GetValue<string>() == "error-rate")!;
        errorRate["status"]!.GetValue<string>().ShouldBe("fail");
        errorRate["decidedAtLook"]!.GetValue<int>().ShouldBeGreaterThan(0);
    }
}
