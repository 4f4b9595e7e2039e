using System.Text.Json;
using Gates.Core;
using Gates.Core.Evaluation;
using Gates.Core.Metrics;
using Gates.Core.Results;
using Gates.Core.Thresholds;
using Gates.DriftCheck.Analysis;

namespace Gates.DriftCheck.Reports;

/// <summary>
/// Evaluates the <c>gates:</c> of the thresholds file on the drift metrics; without a file, Evidently's dataset rule:
/// drift when the share of drifted columns reaches 0.5. A share gate whose verdict the columns with insufficient data
/// could flip is inconclusive.
/// </summary>
internal static class DatasetGates
{
    public static readonly GateDefinition Default = new()
    {
        Name = "dataset drift",
        Metric = "share_of_drifted_columns",
        Comparison = Comparison.Lt,
        Threshold = 0.5,
        Description = "Evidently's rule: the dataset drifts when at least half of the compared columns drift",
    };

    public static IReadOnlyList<CheckResult> Evaluate(IReadOnlyList<GateDefinition> gates, DriftResult result)
    {
        var metrics = JsonDocument.Parse(DriftMetrics.For(result).ToJsonString()).RootElement;
        var checks = new List<CheckResult>();
        var problems = new List<string>();
        foreach (var gate in gates)
        {
            if (!MetricLookup.TryFind(metrics, gate.Metric, out var value) || value.ValueKind != JsonValueKind.Number)
            {
                if (gate.Required)
                {
                    problems.Add($"gate '{gate.Name}': no metric '{gate.Metric}' (dataset metrics: share_of_drifted_columns, drifted_columns, " +
                        "columns_compared, insufficient_columns, not_tested_columns, critical_drifted_columns; per column: columns.<name>.<metric>)");
                }
                else
                {
                    checks.Add(GateEvaluator.NotEvaluated(gate, $"no metric '{gate.Metric}'"));
                }

                continue;
            }

            var check = GateEvaluator.Evaluate(gate, new MetricObservation(value.GetDouble()) { N = result.Compared });
            checks.Add(Flippable(gate, check, result));
        }

        return problems.Count > 0 ? throw new GateInputException(problems) : checks;
    }

    private static CheckResult Flippable(GateDefinition gate, CheckResult check, DriftResult result)
    {
        if (result.Insufficient == 0 || check.Verdict == Verdict.Fail)
        {
            return check;
        }

        var worst = gate.Metric switch
        {
            "share_of_drifted_columns" => result.ShareDriftedAtMost,
            "drifted_columns" => result.Drifted + result.Insufficient,
            _ => double.NaN,
        };
        if (double.IsNaN(worst) || gate.Comparison.Holds(worst, gate.Threshold, gate.Tolerance))
        {
            return check;
        }

        return check with
        {
            Verdict = Verdict.Inconclusive,
            Reason = $"{check.Reason}; {Words.Plural(result.Insufficient, "column has", "columns have")} insufficient data, " +
                     $"and if {(result.Insufficient == 1 ? "it" : "they")} drifted the value would be {Words.Number(worst)}",
        };
    }
}
