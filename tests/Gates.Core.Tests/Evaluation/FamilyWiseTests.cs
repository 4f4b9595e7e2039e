using Gates.Core.Evaluation;
using Gates.Core.Metrics;
using Gates.Core.Results;
using Gates.Core.Thresholds;

namespace Gates.Core.Tests.Evaluation;

public class FamilyWiseTests
{
    private static GateDefinition Gate(string name, DecisionMode decision = DecisionMode.Confident) => new()
    {
        Name = name,
        Metric = name,
        Comparison = Comparison.Gte,
        Threshold = 0.8,
        Decision = decision,
    };

    private static MetricObservation Rate(long successes, long n) => new((double)successes / n) { N = n, Successes = successes };

    [Fact]
    public void Needed_alpha_is_where_the_wilson_bound_meets_the_threshold()
    {
        // 88 of 100 against 0.8: the Wilson score statistic is exactly 2, so α = 2·(1 − Φ(2)) = 0.0455002638963584.
        FamilyWise.Needed(Gate("a"), Rate(88, 100)).ShouldBe(0.0455002638963584, 1e-9);
    }

    [Fact]
    public void Needed_is_one_without_a_recomputable_interval()
    {
        FamilyWise.Needed(Gate("a"), null).ShouldBe(1);
        FamilyWise.Needed(Gate("a"), new MetricObservation(0.9) { Interval = new Interval(0.85, 0.95, 0.95) }).ShouldBe(1);
        FamilyWise.Needed(Gate("a"), Rate(70, 100)).ShouldBe(1);
    }

    [Fact]
    public void Three_gates_that_each_pass_alone_become_inconclusive_together()
    {
        var gates = new[] { Gate("a"), Gate("b"), Gate("c") };
        GateEvaluator.Evaluate(gates[0], Rate(88, 100)).Verdict.ShouldBe(Verdict.Pass);

        var held = FamilyWise.Holm(gates, _ => Rate(88, 100));

        held.ShouldAllBe(g => Math.Abs(g.Confidence - (1 - (0.05 / 3))) < 1e-12);
        held.Select(g => GateEvaluator.Evaluate(g, Rate(88, 100)).Verdict).ShouldAllBe(v => v == Verdict.Inconclusive);
    }

    [Fact]
    public void Strong_evidence_steps_down_to_the_full_level_for_the_last_gate()
    {
        var gates = new[] { Gate("strong"), Gate("weak") };
        var observations = new Dictionary<string, MetricObservation> { ["strong"] = Rate(98, 100), ["weak"] = Rate(88, 100) };

        var held = FamilyWise.Holm(gates, g => observations[g.Name]);

        held[0].Confidence.ShouldBe(0.975, 1e-12);
        held[1].Confidence.ShouldBe(0.95, 1e-12);
        GateEvaluator.Evaluate(held[1], observations["weak"]).Verdict.ShouldBe(Verdict.Pass);
    }

    [Fact]
    public void Point_gates_and_a_single_confident_gate_are_left_alone()
    {
        var gates = new[] { Gate("a"), Gate("b", DecisionMode.Point) };

        FamilyWise.Holm(gates, _ => Rate(88, 100)).ShouldBe(gates);
    }

    [Fact]
    public void A_gate_without_a_recomputable_interval_gets_the_strictest_step()
    {
        var gates = new[] { Gate("given"), Gate("rate") };

        var held = FamilyWise.Holm(gates, g => g.Name == "rate" ? Rate(99, 100) : null);

        // The given gate stays at the strictest step α/2; the ranked one steps from α/2 and is rejected there.
        held[0].Confidence.ShouldBe(0.975, 1e-12);
        held[1].Confidence.ShouldBe(0.975, 1e-12);
    }
}
