using Gates.Core.Results;
using Gates.Testing.Tools;
using static Gates.GateReport.Tests.GateReportHarness;

namespace Gates.GateReport.Tests;

/// <summary>
/// gate-report's --html page, rendered in headless Chromium: every merged report's verdict, a chart per check with its
/// title, the evidence linked; nothing from the network, no script; and it passes html-validate.
/// </summary>
public class HtmlReportTests
{
    [Fact]
    public void The_page_has_every_reports_verdict_a_chart_per_check_and_the_evidence_linked()
    {
        using var gate = new GateReportHarness();
        gate.Write("reports/eval.json", Report("eval-gate", Verdict.Fail));
        gate.Write("reports/latency.json", Report("latency-bench", Verdict.Pass, input: "out/latency results.json"));

        gate.Run("--reports", "reports/*.json", "--html", "gates.html").ShouldExit(1);

        NodeTools.HtmlValidate(gate.Folder.Path, "gates.html").ShouldExit(0);
        var (dom, titles) = HtmlReportChecks.RenderSelfContained(gate.Folder.File("gates.html"));
        titles.ShouldBe(["eval-gate: groundedness", "eval-gate: hallucination", "latency-bench: groundedness", "latency-bench: hallucination"]);
        dom.ShouldContain("<h2>eval-gate: FAIL</h2>");
        dom.ShouldContain("<h2>latency-bench: PASS</h2>");
        dom.ShouldContain("<a href=\"reports/latency.json\">reports/latency.json</a>");
        dom.ShouldContain("<a href=\"out/latency%20results.json\">out/latency results.json</a>");
        dom.ShouldContain("hallucination: 0.11, threshold &lt;= 0.08: fail");
    }
}
