using Gates.Testing.Tools;
using static Gates.EvalGate.Tests.Command.EvalGateHarness;

namespace Gates.EvalGate.Tests.Command;

/// <summary>
/// eval-gate's --html page, rendered in headless Chromium: the forest plots (titled), the paired comparisons and the
/// per-item worst items, nothing from the network, no script; and it passes html-validate.
/// </summary>
public class HtmlReportTests
{
    [Fact]
    public void Paired_run_page_has_forest_plots_of_values_and_deltas_and_the_paired_comparisons()
    {
        using var gate = new EvalGateHarness();
        var html = gate.Folder.File("eval.html");
        gate.Run("-r", Sample("items-candidate.jsonl"), "--baseline", Sample("items-baseline.jsonl"), "-t", Thresholds("quality-paired.yaml"),
            "--html", html).ShouldExit(0);

        NodeTools.HtmlValidate(gate.Folder.Path, "eval.html").ShouldExit(0);
        var (dom, titles) = HtmlReportChecks.RenderSelfContained(html);

        titles.ShouldBe(["Gates on shares and scores between 0 and 1", "Changes against the baseline", "Relative changes against the baseline"]);
        dom.ShouldContain("groundedness_regression");
        dom.ShouldContain("Paired comparisons");
        dom.ShouldContain("groundedness: 0.8933, 95% [0.8661, 0.9156], threshold &gt;= 0.85, warn &lt; 0.88: pass");
    }

    [Fact]
    public void Per_item_gate_page_lists_the_worst_items_with_their_repeats()
    {
        using var gate = new EvalGateHarness();
        var html = gate.Folder.File("items.html");
        var t = gate.Folder.Write("t.yaml", "gates:\n  all:\n    metric: pass_rate\n    per_item: all\n    min: 0.3\n");
        gate.Run("-r", Fixture("promptfoo-repeat3.json"), "-t", t, "--html", html);

        var (dom, titles) = HtmlReportChecks.RenderSelfContained(html);

        titles.Count.ShouldBe(1);
        dom.ShouldContain("Per-item breakdown: worst items and repeats");
        dom.ShouldContain("<th>Passed runs</th>");
        dom.ShouldContain(" of 3</td>");
    }
}
