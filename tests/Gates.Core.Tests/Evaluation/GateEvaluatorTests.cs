using Gates.Core.Evaluation;
using Gates.Core.Metrics;
using Gates.Core.Results;
using Gates.Core.Thresholds;

namespace Gates.Core.Tests.Evaluation;

public class GateEvaluatorTests
{
    private static GateDefinition Gate(Comparison comparison, double threshold, double? warn = null, DecisionMode decision = DecisionMode.Point) => new()
    {
        Name = "g",
        Metric = "m",
        Comparison = comparison,
        Threshold = threshold,
        Warn = warn,
        Decision = decision,
    };

    [Theory]
    [InlineData(0.90, Verdict.Pass)]
    [InlineData(0.86, Verdict.Warn)]
    [InlineData(0.85, Verdict.Warn)]
    [InlineData(0.84, Verdict.Fail)]
    public void Point_value_decides_with_a_warn_band(double value, Verdict expected)
    {
        GateEvaluator.Evaluate(Gate(Comparison.Gte, 0.85, warn: 0.88), new MetricObservation(value)).Verdict.ShouldBe(expected);
    }

    [Theory]
    [InlineData(Comparison.Lt, 0.08, 0.08, Verdict.Fail)]
    [InlineData(Comparison.Lte, 0.08, 0.08, Verdict.Pass)]
    [InlineData(Comparison.Gt, 0.5, 0.5, Verdict.Fail)]
    [InlineData(Comparison.Eq, 3, 3, Verdict.Pass)]
    [InlineData(Comparison.Eq, 3, 3.1, Verdict.Fail)]
    public void Comparisons_follow_their_names(Comparison comparison, double threshold, double value, Verdict expected)
    {
        GateEvaluator.Evaluate(Gate(comparison, threshold), new MetricObservation(value)).Verdict.ShouldBe(expected);
    }

    [Fact]
    public void A_rate_with_n_gets_a_wilson_interval_and_is_flagged_borderline_when_it_straddles()
    {
        // 172/200 = 0.86; 95% Wilson CI is about [0.805, 0.901], which straddles 0.85.
        var check = GateEvaluator.Evaluate(Gate(Comparison.Gte, 0.85), new MetricObservation(0.86) { Successes = 172, N = 200 });

        check.Verdict.ShouldBe(Verdict.Pass);
        check.Method.ShouldBe("wilson");
        check.Interval!.Low.ShouldBe(0.8051, 0.001);
        check.Interval.High.ShouldBe(0.9011, 0.001);
        check.Borderline.ShouldBeTrue();
        check.SamplesToResolve!.Value.ShouldBeGreaterThan(200);
        check.Reason.ShouldContain("borderline");
    }

    [Fact]
    public void Confident_decision_is_inconclusive_when_the_interval_straddles()
    {
        var gate = Gate(Comparison.Gte, 0.85, decision: DecisionMode.Confident);

        GateEvaluator.Evaluate(gate, new MetricObservation(0.86) { Successes = 172, N = 200 }).Verdict.ShouldBe(Verdict.Inconclusive);
        GateEvaluator.Evaluate(gate, new MetricObservation(0.95) { Successes = 1900, N = 2000 }).Verdict.ShouldBe(Verdict.Pass);
        GateEvaluator.Evaluate(gate, new MetricObservation(0.70) { Successes = 1400, N = 2000 }).Verdict.ShouldBe(Verdict.Fail);
    }

    [Fact]
    public void Confident_decision_without_an_interval_is_inconclusive_never_a_pass()
    {
        var check = GateEvaluator.Evaluate(Gate(Comparison.Lte, 0.08, decision: DecisionMode.Confident), new MetricObservation(0));

        check.Verdict.ShouldBe(Verdict.Inconclusive);
        check.Interval.ShouldBeNull();
        check.Reason.ShouldContain("no sample size in the results: cannot be confident");
    }

    [Fact]
    public void A_point_decision_without_an_interval_says_so()
    {
        var check = GateEvaluator.Evaluate(Gate(Comparison.Lte, 0.08), new MetricObservation(0.05));

        check.Verdict.ShouldBe(Verdict.Pass);
        check.Reason.ShouldContain("point value only, no interval");
    }

    [Fact]
    public void A_sample_size_no_run_could_reach_is_not_reported_as_a_number()
    {
        // An MCC of -0.0005 with stderr 0.03 at n = 1000 against a threshold of 0: millions of samples would be needed.
        var check = GateEvaluator.Evaluate(Gate(Comparison.Gte, 0), new MetricObservation(-0.0005) { StdErr = 0.03, N = 1000 });

        check.Borderline.ShouldBeTrue();
        check.SamplesToResolve.ShouldBeNull();
        check.Reason.ShouldContain("at the threshold: no realistic sample resolves it");
    }

    [Fact]
    public void A_reachable_sample_size_is_still_reported()
    {
        var check = GateEvaluator.Evaluate(Gate(Comparison.Gte, 0.8), new MetricObservation(0.82) { Successes = 82, N = 100 });

        check.SamplesToResolve.ShouldNotBeNull();
        check.Reason.ShouldContain("samples would resolve it");
    }

    [Fact]
    public void A_mean_uses_a_t_interval_and_a_stderr_a_normal_one()
    {
        GateEvaluator.Evaluate(Gate(Comparison.Gte, 0.5), new MetricObservation(0.7) { StdDev = 0.2, N = 50 }).Method.ShouldBe("student-t");
        GateEvaluator.Evaluate(Gate(Comparison.Gte, 0.5), new MetricObservation(0.7) { StdErr = 0.01 }).Method.ShouldBe("normal (stderr)");
    }

    [Fact]
    public void Not_a_number_is_an_input_error_never_a_verdict()
    {
        Should.Throw<GateInputException>(() => GateEvaluator.Evaluate(Gate(Comparison.Gte, 0.5), new MetricObservation(double.NaN)));
    }
}
