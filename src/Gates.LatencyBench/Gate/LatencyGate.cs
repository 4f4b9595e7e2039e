using System.Text.Json.Nodes;
using Gates.Core;
using Gates.Core.Evaluation;
using Gates.Core.Metrics;
using Gates.Core.Results;
using Gates.Core.Thresholds;
using Gates.LatencyBench.Import;

namespace Gates.LatencyBench.Gate;

/// <summary>
/// Pure evaluation of threshold gates on one results file, optionally against a baseline results file. Gates with
/// <c>delta: relative</c> (or absolute) compare with the baseline: <c>max: 0.10</c> means "may grow at most 10%".
/// A missing metric is an input error (exit 2) unless the gate says <c>required: false</c>; an invalid run adds an
/// inconclusive check, so it can never pass silently.
/// </summary>
internal static class LatencyGate
{
    public const string DeltaSuffix = "_delta_vs_baseline";

    public static GateOutcome Evaluate(ThresholdSet thresholds, LatencyResults current, LatencyResults? baseline)
    {
        var problems = new List<string>();
        var checks = new List<CheckResult>();
        foreach (var gate in thresholds.Gates)
        {
            try
            {
                checks.Add(EvaluateGate(gate, current, baseline));
            }
            catch (GateInputException e)
            {
                problems.AddRange(e.Problems.Select(p => $"{thresholds.Path}:{gate.Line}: gate '{gate.Name}': {p}"));
            }
        }

        if (problems.Count > 0)
        {
            throw new GateInputException(problems);
        }

        if (current.InvalidReasons.Count > 0)
        {
            checks.Add(new CheckResult
            {
                Name = "run validity",
                Verdict = Verdict.Inconclusive,
                Reason = "the run is not valid: " + string.Join("; ", current.InvalidReasons),
            });
        }

        var warnings = current.Warnings.Select(w => $"{current.Path}: {w}").ToList();
        if (baseline is not null)
        {
            warnings.AddRange(baseline.Warnings.Select(w => $"{baseline.Path}: {w}"));
            warnings.AddRange(SemanticDifferences(current, baseline, Compared(thresholds)));
        }

        var details = new JsonObject
        {
            ["results"] = Describe(current),
            ["baseline"] = baseline is null ? null : Describe(baseline),
        };
        return new GateOutcome(checks, warnings, details);
    }

    private static CheckResult EvaluateGate(GateDefinition gate, LatencyResults current, LatencyResults? baseline)
    {
        var mode = gate.Delta;
        var metric = gate.Metric;
        if (mode is null && current.Find(metric, gate.Confidence) is { } observation)
        {
            return GateEvaluator.Evaluate(gate, observation);
        }

        if (mode is null && metric.EndsWith(DeltaSuffix, StringComparison.Ordinal))
        {
            mode = DeltaMode.Absolute;
            metric = metric[..^DeltaSuffix.Length];
        }

        if (mode is { } m)
        {
            return Compare(gate, metric, m, current, baseline);
        }

        return gate.Required ? throw new GateInputException(current.DescribeMissing(metric)) : GateEvaluator.NotEvaluated(gate, current.DescribeMissing(metric));
    }

    private static CheckResult Compare(GateDefinition gate, string metric, DeltaMode mode, LatencyResults current, LatencyResults? baseline)
    {
        if (baseline is null)
        {
            throw new GateInputException($"compares '{metric}' with a baseline, but no --baseline was given");
        }

        var cur = current.Find(metric) ?? throw new GateInputException(current.DescribeMissing(metric));
        var bas = baseline.Find(metric) ?? throw new GateInputException("the baseline: " + baseline.DescribeMissing(metric));
        if (mode == DeltaMode.Relative && Math.Abs(bas.Value) < 1e-12)
        {
            throw new GateInputException($"a relative change of '{metric}' is undefined: the baseline value is 0");
        }

        var delta = mode == DeltaMode.Relative ? (cur.Value - bas.Value) / Math.Abs(bas.Value) : cur.Value - bas.Value;
        var check = GateEvaluator.Evaluate(gate, new MetricObservation(delta));
        var word = mode == DeltaMode.Relative ? "relative" : "absolute";
        return check with
        {
            Observed = cur.Value,
            BaselineValue = bas.Value,
            Delta = cur.Value - bas.Value,
            Compared = mode == DeltaMode.Relative ? CheckValues.RelativeDeltaCompared : CheckValues.DeltaCompared,
            Reason = $"{metric}: current {GateEvaluator.Format(cur.Value)} vs baseline {GateEvaluator.Format(bas.Value)}, {word} change {check.Reason}",
        };
    }

    /// <summary>
    /// A warning for each way the two files measure a compared metric differently. Only definitions that bear on a
    /// delta gate's metric count, and only the definition itself: "per_request" and "per_request (their
    /// inter_token_latency)" are one definition under two names.
    /// </summary>
    private static IEnumerable<string> SemanticDifferences(LatencyResults current, LatencyResults baseline, IReadOnlyList<string> compared)
    {
        foreach (var (key, value) in current.Semantics)
        {
            if (baseline.Semantics.TryGetValue(key, out var other) && Definition(other) != Definition(value)
                && compared.Any(metric => SemanticKeys.Affects(key, metric)))
            {
                yield return $"baseline and current measure {key} differently ({baseline.Format}: {other}; {current.Format}: {value}); deltas may reflect the tools, not the model";
            }
        }
    }

    /// <summary>The definition without the note in parentheses that says what the tool calls it.</summary>
    private static string Definition(string text)
    {
        var note = text.IndexOf(" (", StringComparison.Ordinal);
        return note > 0 ? text[..note] : text;
    }

    /// <summary>A delta gate without a baseline is an input error, raised before any work.</summary>
    public static void RequireBaseline(ThresholdSet thresholds, bool hasBaseline)
    {
        var compared = Compared(thresholds);
        if (!hasBaseline && compared.Count > 0)
        {
            var gates = thresholds.Gates.Where(g => g.Delta is not null || g.Metric.EndsWith(DeltaSuffix, StringComparison.Ordinal)).Select(g => $"'{g.Name}'");
            throw new GateInputException($"gate {string.Join(", ", gates)} compares with a baseline, but no --baseline was given");
        }
    }

    /// <summary>The metrics the delta gates compare with the baseline.</summary>
    private static List<string> Compared(ThresholdSet thresholds) =>
        [.. thresholds.Gates
            .Where(g => g.Delta is not null || g.Metric.EndsWith(DeltaSuffix, StringComparison.Ordinal))
            .Select(g => g.Metric.EndsWith(DeltaSuffix, StringComparison.Ordinal) ? g.Metric[..^DeltaSuffix.Length] : g.Metric)];

    private static JsonObject Describe(LatencyResults r) => new()
    {
        ["path"] = r.Path,
        ["format"] = r.Format,
        ["semantics"] = new JsonObject(r.Semantics.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
    };

}

internal sealed record GateOutcome(IReadOnlyList<CheckResult> Checks, IReadOnlyList<string> Warnings, JsonObject Details);
