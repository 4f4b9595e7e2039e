using System.Text;
using Gates.Core.Thresholds;

namespace Gates.Core.Tests.Thresholds;

/// <summary>YAML slips people make with lm-eval metric names and indentation get a message that says what to do.</summary>
public sealed class YamlSyntaxMessageTests
{
    private static GateInputException Fails(string yaml) =>
        Should.Throw<GateInputException>(() => ThresholdFileReader.Read("t.yaml", Encoding.UTF8.GetBytes(yaml)));

    [Fact]
    public void An_unquoted_metric_name_with_a_comma_in_flow_style_says_to_quote_it()
    {
        var error = Fails("gates:\n  gsm8k: {metric: gsm8k.exact_match,flexible-extract, min: 0.5}\n");

        error.Problems.ShouldContain(p => p.StartsWith("t.yaml:2: gate 'gsm8k':", StringComparison.Ordinal)
            && p.Contains("must be quoted: \"gsm8k.exact_match,flexible-extract\"", StringComparison.Ordinal));
    }

    [Fact]
    public void The_quoted_metric_name_with_a_comma_in_flow_style_is_read()
    {
        var set = ThresholdFileReader.Read("t.yaml", Encoding.UTF8.GetBytes("gates:\n  gsm8k: {metric: \"gsm8k.exact_match,flexible-extract\", min: 0.5}\n"));

        set.Gates[0].Metric.ShouldBe("gsm8k.exact_match,flexible-extract");
    }

    [Fact]
    public void A_tab_used_for_indentation_points_at_the_line_with_the_tab()
    {
        var error = Fails("gates:\n  acc:\n    metric: acc\n    min: 0.5\n  f1:\n\tmetric: f1\n    min: 0.5\n");

        error.Problems.ShouldHaveSingleItem().ShouldStartWith("t.yaml:6: ");
        error.Problems[0].ShouldContain("tab");
    }

    [Fact]
    public void A_tab_before_a_key_inside_a_gate_points_at_its_line()
    {
        var error = Fails("gates:\n  acc:\n    metric: acc\n\tmin: 0.5\n");

        error.Problems.ShouldHaveSingleItem().ShouldStartWith("t.yaml:4: ");
        error.Problems[0].ShouldContain("tab");
    }
}
