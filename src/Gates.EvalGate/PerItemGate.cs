using System.Globalization;
using System.Text.Json.Nodes;
using Gates.Core;
using Gates.Core.Evaluation;
using Gates.Core.Metrics;
using Gates.Core.Results;
using Gates.Core.Statistics;
using Gates.Core.Thresholds;
using YamlDotNet.RepresentationModel;

namespace Gates.EvalGate;

/// <summary>
/// Gates on items that were run several times (<c>per_item:</c>): each item counts once, by a rule on its runs (all
/// pass, any passes, at least k pass, pass@k, pass^k, flaky), and the worst items are listed first.
/// </summary>
internal static class PerItemGate
{
    public const string Key = "per_item";
    private const int WorstShown = 20;
    private const int WorstInReason = 3;

    /// <summary>The gate's rule, or null when it has no <c>per_item:</c>.</summary>
    public static PerItemRule? Rule(GateDefinition gate)
    {
        if (gate.Node is null || !gate.Node.Children.TryGetValue(new YamlScalarNode(Key), out var node))
        {
            return null;
        }

        switch (node)
        {
            case YamlScalarNode { Value: "share" }:
                return PerItemRule.Share;
            case YamlScalarNode { Value: "all" }:
                return new PerItemRule(PerItemKind.All);
            case YamlScalarNode { Value: "any" }:
                return new PerItemRule(PerItemKind.Any);
            case YamlScalarNode { Value: "flaky" }:
                return new PerItemRule(PerItemKind.Flaky);
            case YamlMappingNode { Children.Count: 1 } mapping:
                var (key, value) = mapping.Children.First();
                var kind = (key as YamlScalarNode)?.Value switch
                {
                    "at_least" => PerItemKind.AtLeast,
                    "pass_at" => PerItemKind.PassAt,
                    "pass_all" => PerItemKind.PassAll,
                    _ => (PerItemKind?)null,
                };
                if (kind is { } k && value is YamlScalarNode { Value: { } text }
                    && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1)
                {
                    return new PerItemRule(k, count);
                }

                break;
        }

        throw new GateInputException(
            "per_item must be share, all, any, flaky, or one of {at_least: k}, {pass_at: k}, {pass_all: k} with a whole k of at least 1");
    }

    /// <summary>The item-level observation under the rule, and the items worst first.</summary>
    public static (MetricObservation Observation, IReadOnlyList<ItemRuns> Worst, IReadOnlyDictionary<string, string>? Labels) Observe(
        GateDefinition gate, PerItemRule rule, MetricSources sources)
    {
        var hits = sources.Files.Select(f => (File: f, Runs: f.ItemRuns(gate.Metric))).Where(h => h.Runs is not null).ToList();
        if (hits.Count != 1)
        {
            throw new GateInputException(hits.Count == 0
                ? $"per_item needs pass/fail runs of repeated items (promptfoo eval --repeat N); no results file has them for '{gate.Metric}'"
                : $"metric '{gate.Metric}' has repeated items in {hits.Count} files; give one run per metric");
        }

        var items = hits[0].Runs!;
        try
        {
            var (mean, sum, _) = RepeatedItems.Summarise(items, rule, gate.Confidence);
            var observation = new MetricObservation(mean)
            {
                N = items.Count,
                ItemSuccesses = sum,
                Runs = items.Sum(i => (long)i.Runs),
                HigherIsBetter = rule.Kind != PerItemKind.Flaky,
            };
            return (observation, [.. RepeatedItems.WorstFirst(items, rule)], hits[0].File.ItemLabels);
        }
        catch (ArgumentException e)
        {
            throw new GateInputException(e.Message);
        }
    }

    public static CheckResult Evaluate(GateDefinition gate, PerItemRule rule, MetricSources sources, JsonArray details)
    {
        var (observation, worst, labels) = Observe(gate, rule, sources);
        var check = GateEvaluator.Evaluate(gate, observation);
        details.Add((JsonNode)new JsonObject
        {
            ["gate"] = gate.Name,
            ["metric"] = gate.Metric,
            ["rule"] = rule.ToString(),
            ["items"] = observation.N,
            ["runs"] = observation.Runs,
            ["flakyItems"] = worst.Count(i => i.Flaky),
            ["worstItems"] = new JsonArray([.. worst.Take(WorstShown).Select(i => (JsonNode)new JsonObject
            {
                ["id"] = i.Id,
                ["label"] = labels?.GetValueOrDefault(i.Id),
                ["runs"] = i.Runs,
                ["passes"] = i.Passes,
            })]),
        });
        var shown = worst.Where(i => rule.Kind == PerItemKind.Flaky ? i.Flaky : i.Passes < i.Runs).Take(WorstInReason)
            .Select(i => $"{i.Id} {i.Passes}/{i.Runs}");
        var worstText = string.Join(", ", shown);
        return check with
        {
            Reason = $"{gate.Metric} per item ({rule}): {check.Reason}" + (worstText.Length > 0 ? $"; worst items: {worstText}" : ""),
        };
    }
}
