using System.Globalization;
using Gates.CanaryValidate.Analysis;
using Gates.Core.Thresholds;
using Gates.Prometheus;
using YamlDotNet.RepresentationModel;

namespace Gates.CanaryValidate.Config;

/// <summary>Turns one gate of the shared grammar plus its canary keys into a <see cref="CanaryGate"/>, or reports why not.</summary>
internal static class GateBuilder
{
    public static readonly string[] Keys = ["type", "queries", "range", "quantile", "unit"];
    private static readonly string[] Roles = ["errors", "requests", "sum", "count", "sum_squares", "buckets"];
    private static readonly string[] Placeholders = ["canary", "baseline", "namespace", "window"];

    public static CanaryGate? Build(GateDefinition gate, BuiltInTemplate template, string path, List<string> problems)
    {
        var before = problems.Count;
        void Problem(string message) => problems.Add($"{path}:{gate.Line}: gate '{gate.Name}': {message}");

        var keys = Mapping(gate.Node);
        var builtIn = template.Metrics.GetValueOrDefault(gate.Metric);
        MetricKind? kind = keys.TryGetValue("type", out var typeNode) ? ParseKind(Text(typeNode), Problem) : builtIn?.Kind;
        kind ??= keys.ContainsKey("quantile") ? MetricKind.Quantile : null;
        if (kind is null)
        {
            Problem($"metric '{gate.Metric}' is not built into the '{template.Name}' template ({string.Join(", ", template.Metrics.Keys)}); give 'type:' and 'queries:'");
            return null;
        }

        if (gate.Comparison == Comparison.Eq)
        {
            Problem("a canary gate needs a limit on one side (min or max), not 'value:'");
        }

        var queries = new Dictionary<string, string>(builtIn?.Kind == kind ? builtIn.Queries : new Dictionary<string, string>());
        foreach (var (role, text) in ReadQueries(keys.GetValueOrDefault("queries"), Problem))
        {
            queries[role] = text;
        }

        foreach (var missing in MetricQueries.RolesFor(kind.Value).Where(r => !queries.ContainsKey(r)))
        {
            Problem($"a {kind.Value.ToString().ToLowerInvariant()} gate needs queries.{missing}");
        }

        foreach (var (role, text) in queries)
        {
            foreach (var name in QueryTemplate.Names(text).Where(n => !Placeholders.Contains(n)))
            {
                Problem($"queries.{role} uses an unknown placeholder {{{{{name}}}}} (known: {{{{canary}}}}, {{{{baseline}}}}, {{{{namespace}}}}, {{{{window}}}})");
            }
        }

        var result = new CanaryGate
        {
            Name = gate.Name,
            Metric = gate.Metric,
            Kind = kind.Value,
            Comparison = gate.Comparison,
            Threshold = gate.Threshold,
            Delta = gate.Delta,
            Required = gate.Required,
            Description = gate.Description,
            Queries = new MetricQueries(queries),
        };
        result = kind switch
        {
            MetricKind.Quantile => Quantile(result, keys, template, builtIn is not null && !keys.ContainsKey("queries"), Problem),
            MetricKind.Mean => Mean(result, keys, builtIn, queries, Problem),
            _ => Proportion(result, Problem),
        };
        return problems.Count > before ? null : result;
    }

    private static CanaryGate Proportion(CanaryGate gate, Action<string> problem)
    {
        if (gate.Delta is null && gate.Threshold is < 0 or > 1)
        {
            problem($"a proportion's limit must lie between 0 and 1, got {gate.Threshold.ToString(CultureInfo.InvariantCulture)}");
        }

        return gate;
    }

    private static CanaryGate Quantile(CanaryGate gate, Dictionary<string, YamlNode> keys, BuiltInTemplate template, bool builtInQueries, Action<string> problem)
    {
        var q = keys.TryGetValue("quantile", out var node) && double.TryParse(Text(node), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
        if (!(q is > 0 and < 1))
        {
            problem("a quantile gate needs 'quantile:' between 0 and 1 (0.95 for p95)");
        }

        if (gate.Comparison is not (Comparison.Lte or Comparison.Lt) || gate.Delta is not null)
        {
            problem("a quantile gate takes an absolute 'max:' in seconds (p95 <= 0.5 s); compare with the baseline through a proportion or mean gate");
        }

        var units = keys.TryGetValue("unit", out var unit)
            ? Text(unit) switch { "s" => 1, "ms" => 1000, _ => Fail(problem, "unit must be s or ms") }
            : builtInQueries ? template.LatencyUnitsPerSecond : 1;
        return gate with { Quantile = q, LatencyLimit = gate.Threshold, Threshold = Math.Round(1 - q, 12), Comparison = Comparison.Lte, LatencyUnitsPerSecond = units };
    }

    private static CanaryGate Mean(CanaryGate gate, Dictionary<string, YamlNode> keys, BuiltInMetric? builtIn, Dictionary<string, string> queries, Action<string> problem)
    {
        var range = builtIn?.Range;
        if (keys.TryGetValue("range", out var node))
        {
            var items = node is YamlSequenceNode seq ? seq.Children.Select(c => double.TryParse(Text(c), NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : double.NaN).ToList() : [];
            range = items.Count == 2 && items[0] < items[1] ? (items[0], items[1]) : null;
            if (range is null)
            {
                problem("range must be [low, high] with low < high, the bounds every value lies in");
            }
        }

        if (range is null && !queries.ContainsKey("sum_squares") && !queries.ContainsKey("buckets"))
        {
            problem("a mean gate needs 'range: [low, high]', queries.sum_squares or queries.buckets (a histogram by le), so its variance is known");
        }

        var units = keys.TryGetValue("unit", out var unit)
            ? Text(unit) switch { "s" => 1, "ms" => 1000, _ => Fail(problem, "unit must be s or ms") }
            : builtIn?.UnitsPerSecond ?? 1;
        return gate with { Range = range, LatencyUnitsPerSecond = units };
    }

    private static IEnumerable<(string Role, string Text)> ReadQueries(YamlNode? node, Action<string> problem)
    {
        if (node is null)
        {
            yield break;
        }

        if (node is not YamlMappingNode mapping)
        {
            problem("queries must be a mapping of role to PromQL");
            yield break;
        }

        foreach (var (k, v) in mapping.Children)
        {
            var role = Text(k) ?? "";
            var plain = role.StartsWith("baseline_", StringComparison.Ordinal) ? role["baseline_".Length..] : role;
            if (!Roles.Contains(plain))
            {
                problem($"unknown query role '{role}' (allowed: {string.Join(", ", Roles)}, each also as baseline_<role>)");
            }
            else if (Text(v) is { Length: > 0 } text)
            {
                yield return (role, text);
            }
            else
            {
                problem($"queries.{role} must be a PromQL string");
            }
        }
    }

    private static MetricKind? ParseKind(string? text, Action<string> problem)
    {
        switch (text)
        {
            case "proportion": return MetricKind.Proportion;
            case "mean": return MetricKind.Mean;
            case "quantile": return MetricKind.Quantile;
            default:
                problem($"type '{text}' is not one of proportion, mean, quantile");
                return null;
        }
    }

    private static double Fail(Action<string> problem, string message)
    {
        problem(message);
        return 1;
    }

    private static Dictionary<string, YamlNode> Mapping(YamlMappingNode? node) =>
        node?.Children.ToDictionary(p => Text(p.Key) ?? "", p => p.Value, StringComparer.Ordinal) ?? [];

    private static string? Text(YamlNode node) => (node as YamlScalarNode)?.Value;
}
