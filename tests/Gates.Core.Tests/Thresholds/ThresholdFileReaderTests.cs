using System.Text;
using Gates.Core.Thresholds;

namespace Gates.Core.Tests.Thresholds;

public class ThresholdFileReaderTests
{
    private const string DesignExample = """
        gates:
          groundedness:
            metric: groundedness_score      # key in the results; dotted path for nested values
            min: 0.85
            comparison: gte                 # gte | gt | lte | lt | eq
          hallucination:
            metric: hallucination_rate
            max: 0.08
            comparison: lte
          regression:
            metric: quality_delta_vs_baseline
            min: -0.02
            comparison: gte
            description: "Must not regress more than 2% vs current production"
        """;

    private static ThresholdSet Read(string yaml, ThresholdReadOptions? options = null) =>
        ThresholdFileReader.Read("t.yaml", Encoding.UTF8.GetBytes(yaml), options);

    private static GateInputException Fails(string yaml, ThresholdReadOptions? options = null) =>
        Should.Throw<GateInputException>(() => Read(yaml, options));

    [Fact]
    public void Defaults_family_wise_holm_is_read_and_none_is_the_default()
    {
        Read("defaults:\n  family_wise: holm\ngates:\n  a:\n    metric: m\n    min: 1\n").FamilyWise.ShouldBe(FamilyWiseControl.Holm);
        Read("gates:\n  a:\n    metric: m\n    min: 1\n").FamilyWise.ShouldBe(FamilyWiseControl.None);
        Fails("defaults:\n  family_wise: bonferroni\ngates:\n  a:\n    metric: m\n    min: 1\n")
            .Message.ShouldContain("family_wise 'bonferroni' is not one of holm, none");
    }

    [Fact]
    public void Accepts_the_design_example_exactly_as_written()
    {
        var set = Read(DesignExample);

        set.Gates.Select(g => g.Name).ShouldBe(["groundedness", "hallucination", "regression"]);
        var groundedness = set.Gates[0];
        groundedness.Metric.ShouldBe("groundedness_score");
        groundedness.Threshold.ShouldBe(0.85);
        groundedness.Comparison.ShouldBe(Comparison.Gte);
        groundedness.Required.ShouldBeTrue();
        groundedness.Decision.ShouldBe(DecisionMode.Point);
        groundedness.Line.ShouldBe(2);
        set.Gates[1].Comparison.ShouldBe(Comparison.Lte);
        set.Gates[2].Threshold.ShouldBe(-0.02);
        set.Gates[2].Description.ShouldBe("Must not regress more than 2% vs current production");
        set.Sha256.Length.ShouldBe(64);
    }

    [Fact]
    public void Reads_warn_tier_required_decision_and_defaults()
    {
        var set = Read("""
            defaults:
              decision: confident
              confidence: 0.9
            gates:
              g:
                metric: a.b
                min: 0.8
                warn: 0.85
                required: false
              h:
                metric: x
                max: 0.1
                decision: point
            """);

        set.Gates[0].Warn.ShouldBe(0.85);
        set.Gates[0].Required.ShouldBeFalse();
        set.Gates[0].Decision.ShouldBe(DecisionMode.Confident);
        set.Gates[0].Confidence.ShouldBe(0.9);
        set.Gates[0].Comparison.ShouldBe(Comparison.Gte, "min without comparison means gte");
        set.Gates[1].Decision.ShouldBe(DecisionMode.Point);
    }

    [Theory]
    [InlineData("delta: absolute", DeltaMode.Absolute)]
    [InlineData("delta: {mode: relative, vs: baseline}", DeltaMode.Relative)]
    public void Reads_explicit_delta_forms(string delta, DeltaMode expected)
    {
        var set = Read($"gates:\n  r:\n    metric: quality\n    min: -0.02\n    {delta}\n");

        set.Gates[0].Delta.ShouldBe(expected);
    }

    [Fact]
    public void Reports_every_problem_at_once_with_file_line_and_gate()
    {
        var error = Fails("""
            gates:
              a:
                metric: x
                min: 0.5
                comparison: lte
              b:
                max: 0.1
              c:
                metric: y
                min: 0.9
                warn: 0.8
                colour: red
              d:
                metric: z
                min: .nan
            extra: 1
            """);

        error.Problems.ShouldContain("t.yaml:5: gate 'a': 'min:' needs comparison gte or gt, not lte");
        error.Problems.ShouldContain("t.yaml:6: gate 'b': missing 'metric:' (the key of the value to check in the results)");
        error.Problems.ShouldContain(p => p.StartsWith("t.yaml:11: gate 'c': warn: 0.8 must lie on the passing side"));
        error.Problems.ShouldContain(p => p.StartsWith("t.yaml:12: gate 'c': unknown key 'colour'"));
        error.Problems.ShouldContain("t.yaml:15: gate 'd': min must be a finite number, got '.nan'");
        error.Problems.ShouldContain(p => p.StartsWith("t.yaml:16: unknown top-level key 'extra'"));
        error.Problems.Count.ShouldBe(6);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("gates: {}", "no gates defined")]
    [InlineData("other: 1", "unknown top-level key 'other'")]
    [InlineData("- a\n- b", "the top level must be a mapping")]
    [InlineData("gates:\n  a: [1, 2", "invalid YAML")]
    [InlineData("gates:\n  a:\n    metric: m\n    min: 1\n    max: 2", "give exactly one of min, max, value")]
    [InlineData("gates:\n  a:\n    metric: m\n    min: '0.5'", "min must be a finite number")]
    [InlineData("gates:\n  a:\n    metric: m\n    min: 0.5\n    comparison: GTE", "comparison 'GTE' is not one of")]
    [InlineData("gates:\n  a:\n    metric: m\n    min: 0.5\n    confidence: 2", "confidence must be a number between 0.5 and 1")]
    [InlineData("gates:\n  a:\n    metric: m\n    min: 0.5\n    delta: percent", "delta must say 'absolute' or 'relative'")]
    public void Rejects_invalid_files(string yaml, string expected)
    {
        Fails(yaml).Message.ShouldContain(expected);
    }

    [Fact]
    public void Tools_may_add_sections_and_gate_keys()
    {
        var options = new ThresholdReadOptions { Sections = new HashSet<string> { "analysis" }, GateKeys = new HashSet<string> { "query" } };

        var set = Read("analysis:\n  interval: 60\ngates:\n  e:\n    metric: err\n    max: 0.02\n    query: rate(x[1m])\n", options);

        set.Sections.Keys.ShouldContain("analysis");
        set.Gates[0].Node.ShouldNotBeNull();
    }

    [Fact]
    public void Equality_gates_use_value_and_tolerance()
    {
        var set = Read("gates:\n  e:\n    metric: schema_version\n    value: 3\n    comparison: eq\n    tolerance: 0.5\n");

        set.Gates[0].Comparison.ShouldBe(Comparison.Eq);
        set.Gates[0].Tolerance.ShouldBe(0.5);
    }

    [Fact]
    public void Bundled_example_thresholds_are_valid()
    {
        // Tool configs with sections of their own are checked by their tool's tests (canary.yaml: Gates.CanaryValidate.Tests).
        var toolConfigs = new[] { "canary.yaml" };
        foreach (var file in Directory.GetFiles(Gates.Testing.RepositoryPaths.Of("thresholds"), "*.yaml").Where(f => !toolConfigs.Contains(Path.GetFileName(f))))
        {
            ThresholdFileReader.Read(file, File.ReadAllBytes(file)).Gates.ShouldNotBeEmpty(file);
        }
    }
}
