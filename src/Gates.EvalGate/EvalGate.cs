using System.Text.Json.Nodes;
using Gates.Core;
using Gates.Core.Evaluation;
using Gates.Core.Metrics;
using Gates.Core.Results;
using Gates.Core.Thresholds;
using Gates.EvalGate.Results;

namespace Gates.EvalGate;

/// <summary>
/// Pure evaluation: threshold gates against current (and optionally baseline) results. Every problem that makes a
/// gate impossible to evaluate is collected and thrown at once (exit 2); a failed gate is a check, not an error.
/// </summary>
internal sealed class EvalGate(string thresholdsPath, int seed, int resamples)
{
    public EvalOutcome Evaluate(ThresholdSet thresholds, IReadOnlyList<IEvalResults> current, IReadOnlyList<IEvalResults> baseline)
    {
        var problems = new List<string>();
        var warnings = current.Concat(baseline).SelectMany(r => r.Warnings).ToList();
        var sources = new MetricSources(current);
        var baselineSources = new MetricSources(baseline);
        var comparer = baseline.Count > 0 ? new BaselineComparer(sources, baselineSources, seed, resamples) : null;
        if (baseline.Count > 0)
        {
            problems.AddRange(BaselineCompleteness.Check(current, baseline));
        }

        var checks = new List<CheckResult>();
        var paired = new JsonArray();
        var perItem = new JsonArray();
        var gates = thresholds.FamilyWise == FamilyWiseControl.Holm
            ? FamilyWise.Holm(thresholds.Gates, g => Observe(g, sources))
            : thresholds.Gates;
        if (!ReferenceEquals(gates, thresholds.Gates))
        {
            warnings.Add(FamilyWiseNote(gates));
        }

        foreach (var gate in gates)
        {
            var where = $"{thresholdsPath}:{gate.Line}: gate '{gate.Name}'";
            try
            {
                var check = PerItemGate.Rule(gate) is { } rule
                    ? PerItemGate.Evaluate(gate, rule, sources, perItem)
                    : EvaluateGate(gate, sources, comparer, paired);
                if (check is not null)
                {
                    checks.Add(check);
                }
                else
                {
                    checks.Add(GateEvaluator.NotEvaluated(gate, sources.DescribeMissing(gate.Metric)));
                }
            }
            catch (GateInputException e)
            {
                problems.AddRange(e.Problems.Select(p => $"{where}: {p}"));
            }
        }

        if (problems.Count > 0)
        {
            throw new GateInputException(problems);
        }

        warnings.AddRange(sources.Notes.Concat(baselineSources.Notes));
        var details = new JsonObject
        {
            ["formats"] = new JsonArray([.. current.Concat(baseline).Select(r => (JsonNode)new JsonObject { ["path"] = r.Path, ["format"] = r.Format })]),
            ["seed"] = seed,
            ["bootstrapResamples"] = resamples,
            ["pairedComparisons"] = paired,
        };
        if (perItem.Count > 0)
        {
            details["perItem"] = perItem;
        }

        return new EvalOutcome(checks, warnings, details);
    }

    /// <summary>A plain gate's observation for family-wise ranking; null for delta gates and metrics that cannot be read.</summary>
    private static MetricObservation? Observe(GateDefinition gate, MetricSources sources)
    {
        if (gate.Delta is not null)
        {
            return null;
        }

        try
        {
            return PerItemGate.Rule(gate) is { } rule ? PerItemGate.Observe(gate, rule, sources).Observation : sources.Find(gate.Metric);
        }
        catch (GateInputException)
        {
            return null;
        }
    }

    private static string FamilyWiseNote(IReadOnlyList<GateDefinition> gates)
    {
        var family = gates.Where(FamilyWise.InFamily).ToList();
        var levels = string.Join(", ", family.Select(g => $"{g.Name} at {GateEvaluator.Format(g.Confidence * 100)}%"));
        return $"family-wise control (Holm) over {family.Count} confident gates: {levels}";
    }

    private static CheckResult? EvaluateGate(GateDefinition gate, MetricSources sources, BaselineComparer? comparer, JsonArray paired)
    {
        if (gate.Delta is { } mode)
        {
            return Compare(gate, gate.Metric, mode, comparer, paired);
        }

        var found = sources.Find(gate.Metric);
        if (found is not null)
        {
            return GateEvaluator.Evaluate(gate, found);
        }

        if (gate.Metric.EndsWith(WantedMetrics.DeltaSuffix, StringComparison.Ordinal))
        {
            return Compare(gate, gate.Metric[..^WantedMetrics.DeltaSuffix.Length], DeltaMode.Absolute, comparer, paired);
        }

        return gate.Required ? throw new GateInputException(sources.DescribeMissing(gate.Metric)) : null;
    }

    private static CheckResult Compare(GateDefinition gate, string metric, DeltaMode mode, BaselineComparer? comparer, JsonArray paired)
    {
        if (comparer is null)
        {
            throw new GateInputException($"compares '{metric}' with the baseline, but no --baseline was given (and the results have no '{gate.Metric}')");
        }

        var delta = comparer.Delta(metric, mode, gate.Confidence);
        if (delta.Paired is { } info)
        {
            paired.Add((JsonNode)info);
        }

        var check = GateEvaluator.Evaluate(gate, delta.Observation);
        var modeWord = mode == DeltaMode.Absolute ? "absolute" : "relative";
        return check with
        {
            Observed = delta.Current,
            BaselineValue = delta.Baseline,
            Delta = delta.Current - delta.Baseline,
            Compared = mode == DeltaMode.Absolute ? CheckValues.DeltaCompared : CheckValues.RelativeDeltaCompared,
            PValue = delta.PValue,
            Reason = $"{metric}: current {GateEvaluator.Format(delta.Current)} vs baseline {GateEvaluator.Format(delta.Baseline)}, {modeWord} delta {check.Reason}",
        };
    }

}

internal sealed record EvalOutcome(IReadOnlyList<CheckResult> Checks, IReadOnlyList<string> Warnings, JsonObject Details);
