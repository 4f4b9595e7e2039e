using Gates.Core.Metrics;
using Gates.Core.Statistics;
using Gates.Core.Thresholds;

namespace Gates.Core.Evaluation;

/// <summary>
/// Family-wise control over the confident gates of one run (<c>defaults: family_wise: holm</c>): each confident gate
/// gets the confidence level Holm's step-down assigns it, so the chance that any gate of the family passes wrongly
/// stays at 1 − confidence. Point-decided and <c>eq</c> gates are left as they are.
/// </summary>
public static class FamilyWise
{
    private const double SmallestAlpha = 1e-10;
    private const double LargestAlpha = 0.999;

    /// <summary>
    /// The gates with their Holm levels, in input order. <paramref name="observe"/> gives a gate's observation when
    /// its interval can be recomputed at another level; for the others (null, or an interval given by the producer)
    /// the gate gets the first, strictest step α/m, which keeps the family-wise guarantee.
    /// </summary>
    public static IReadOnlyList<GateDefinition> Holm(IReadOnlyList<GateDefinition> gates, Func<GateDefinition, MetricObservation?> observe)
    {
        var family = Enumerable.Range(0, gates.Count).Where(i => InFamily(gates[i])).ToList();
        if (family.Count < 2)
        {
            return gates;
        }

        var result = gates.ToArray();
        var ranked = new List<(int Index, double Needed)>();
        foreach (var i in family)
        {
            var observation = observe(gates[i]);
            if (observation is null || observation.Interval is not null)
            {
                result[i] = gates[i] with { Confidence = 1 - ((1 - gates[i].Confidence) / family.Count) };
            }
            else
            {
                ranked.Add((i, Needed(gates[i], observation)));
            }
        }

        var stepped = Statistics.Holm.StepDownAlphas(
            [.. ranked.Select(r => r.Needed)], [.. ranked.Select(r => 1 - gates[r.Index].Confidence)], family.Count);
        for (var j = 0; j < ranked.Count; j++)
        {
            result[ranked[j].Index] = gates[ranked[j].Index] with { Confidence = 1 - stepped[j] };
        }

        return result;
    }

    /// <summary>Confident gates with a one-sided threshold form the family.</summary>
    public static bool InFamily(GateDefinition gate) => gate.Decision == DecisionMode.Confident && gate.Comparison != Comparison.Eq;

    /// <summary>
    /// The smallest α at which the gate's interval (level 1 − α) lies entirely on the passing side, found by
    /// bisection (intervals widen as the level rises); 1 when it never does or cannot be recomputed at another level.
    /// </summary>
    public static double Needed(GateDefinition gate, MetricObservation? observation)
    {
        if (observation is null || observation.Interval is not null)
        {
            return 1;
        }

        if (!Passes(gate, observation, LargestAlpha))
        {
            return 1;
        }

        if (Passes(gate, observation, SmallestAlpha))
        {
            return SmallestAlpha;
        }

        var (low, high) = (Math.Log(SmallestAlpha), Math.Log(LargestAlpha));
        for (var i = 0; i < 60; i++)
        {
            var middle = (low + high) / 2;
            if (Passes(gate, observation, Math.Exp(middle)))
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return Math.Exp(high);
    }

    private static bool Passes(GateDefinition gate, MetricObservation observation, double alpha)
    {
        var (interval, _) = GateEvaluator.IntervalFor(observation, 1 - alpha);
        return interval is not null
            && gate.Comparison.Holds(interval.Low, gate.Threshold)
            && gate.Comparison.Holds(interval.High, gate.Threshold);
    }
}
