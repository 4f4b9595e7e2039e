using System.Text.Json.Nodes;
using Gates.Core.Reporting;
using Gates.Core.Results;
using Gates.Core.Thresholds;

namespace Gates.Core.Tests.Reporting;

/// <summary>A delta check records current, baseline and delta; every renderer shows the delta as the compared value.</summary>
public sealed class DeltaCheckRenderingTests
{
    private const string Shown = "Δ -0.012 (0.801 vs baseline 0.813)";

    private static GateReport Report(string compared = CheckValues.DeltaCompared) => SampleReports.Minimal() with
    {
        Checks =
        [
            new CheckResult
            {
                Name = "no-regression", Metric = "accuracy", Observed = 0.801, BaselineValue = 0.813, Delta = -0.012,
                Compared = compared, Comparison = Comparison.Gte, Threshold = -0.02, Verdict = Verdict.Pass,
                Interval = new Interval(-0.018, -0.006, 0.95), Reason = "accuracy: current 0.801 vs baseline 0.813, absolute delta -0.012 >= -0.02",
            },
        ],
    };

    [Fact]
    public void Text_markdown_html_and_junit_show_the_delta_with_both_sides()
    {
        new TextRenderer().RenderToString(Report()).ShouldContain(Shown);
        new MarkdownRenderer().RenderToString(Report()).ShouldContain($"| {Shown} |");
        new HtmlRenderer().RenderToString(Report()).ShouldContain($"<td>{Shown}</td>");
        new JUnitRenderer().RenderToString(Report()).ShouldContain("observed: " + Shown);
    }

    [Fact]
    public void Json_writes_compared_delta_and_reads_it_back()
    {
        var json = new JsonRenderer().RenderToString(Report());
        var check = JsonNode.Parse(json)!["checks"]![0]!;
        check["observed"]!.GetValue<double>().ShouldBe(0.801);
        check["baselineValue"]!.GetValue<double>().ShouldBe(0.813);
        check["delta"]!.GetValue<double>().ShouldBe(-0.012, 1e-12);
        check["compared"]!.GetValue<string>().ShouldBe("delta");
        GateReportJson.Parse(json, "r.json").Checks[0].Compared.ShouldBe(CheckValues.DeltaCompared);
    }

    [Fact]
    public void Json_leaves_compared_out_for_a_check_on_the_value_itself()
    {
        var json = new JsonRenderer().RenderToString(SampleReports.Minimal());
        json.ShouldNotContain("\"compared\"");
    }

    [Fact]
    public void Prometheus_value_is_the_delta_and_the_baseline_has_its_own_series()
    {
        var text = PrometheusText.Render(Report(), null);
        text.ShouldContain("gates_check_value{");
        text.Split('\n').Single(l => l.StartsWith("gates_check_value{", StringComparison.Ordinal)).ShouldEndWith(" -0.012");
        text.Split('\n').Single(l => l.StartsWith("gates_check_baseline_value{", StringComparison.Ordinal)).ShouldEndWith(" 0.813");
    }

    [Fact]
    public void Relative_delta_is_the_change_divided_by_the_baseline()
    {
        var check = Report(CheckValues.RelativeDeltaCompared).Checks[0];
        CheckValues.ComparedValue(check)!.Value.ShouldBe(-0.012 / 0.813, 1e-12);
        new TextRenderer().RenderToString(Report(CheckValues.RelativeDeltaCompared)).ShouldContain("Δ -0.0148 relative (0.801 vs baseline 0.813)");
    }
}
