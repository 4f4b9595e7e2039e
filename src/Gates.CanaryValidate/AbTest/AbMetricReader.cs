using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Gates.CanaryValidate.AbTest;

/// <summary>
/// Reads the Gates <c>metrics:</c> section: metrics of its own (type, better, queries by role, outcome columns) or
/// overrides of a built-in's roles, columns or direction. Returns every metric the experiment may name.
/// </summary>
internal sealed class AbMetricReader(YamlNodes y)
{
    public static readonly IReadOnlyDictionary<AbMetricKind, string[]> RequiredRoles = new Dictionary<AbMetricKind, string[]>
    {
        [AbMetricKind.Proportion] = ["numerator", "denominator"],
        [AbMetricKind.Mean] = ["sum", "count"],
        [AbMetricKind.Ratio] = ["numerator", "denominator", "units", "numerator_squares", "denominator_squares", "cross"],
        [AbMetricKind.Quantile] = ["buckets"],
    };

    public Dictionary<string, AbMetric> Read(YamlMappingNode? section)
    {
        var metrics = AbMetricCatalog.All.ToDictionary(m => m.Name, m => m, StringComparer.Ordinal);
        foreach (var (key, value) in YamlNodes.Entries(section))
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            var where = $"metrics.{name}";
            var map = y.Map(value, where);
            if (map is null)
            {
                continue;
            }

            y.AllowOnly(map, where, "type", "better", "queries", "columns", "quantile", "range", "unit");
            var builtIn = metrics.GetValueOrDefault(name);
            var kind = Kind(map, where) ?? builtIn?.Kind;
            var better = y.Text(map, "better", where);
            if (better is not (null or "higher" or "lower"))
            {
                y.Problem(y.Get(map, "better"), $"'{where}.better': '{better}' is not higher or lower");
            }

            if (kind is null || (better is null && builtIn is null))
            {
                y.Problem(map, $"'{where}' needs 'type' (proportion, mean, ratio, quantile) and 'better' (higher or lower)");
                continue;
            }

            var queries = new Dictionary<string, string>(builtIn?.Kind == kind ? builtIn.Queries : new Dictionary<string, string>());
            foreach (var (role, query) in Pairs(y.Map(y.Get(map, "queries"), $"{where}.queries"), $"{where}.queries"))
            {
                queries[role] = query;
            }

            var columns = Pairs(y.Map(y.Get(map, "columns"), $"{where}.columns"), $"{where}.columns").ToDictionary(p => p.Key, p => p.Value);
            var range = Range(map, where);
            var metric = new AbMetric
            {
                Name = name,
                Kind = kind.Value,
                HigherIsBetter = better is null ? builtIn!.HigherIsBetter : better == "higher",
                Queries = queries,
                Numerator = columns.GetValueOrDefault("numerator") ?? builtIn?.Numerator ?? name,
                Denominator = columns.GetValueOrDefault("denominator") ?? builtIn?.Denominator,
                Quantile = y.Number(map, "quantile", where, 0, 1) ?? builtIn?.Quantile,
                Range = range ?? builtIn?.Range,
                Unit = y.Text(map, "unit", where) ?? builtIn?.Unit ?? "per unit",
            };
            Check(metric, map, where);
            metrics[name] = metric;
        }

        return metrics;
    }

    private void Check(AbMetric metric, YamlMappingNode map, string where)
    {
        var missing = RequiredRoles[metric.Kind].Where(r => !metric.Has(r)).ToList();
        if (metric.Queries.Count > 0 && missing.Count > 0)
        {
            y.Problem(map, $"'{where}' ({metric.Kind.ToString().ToLowerInvariant()}) needs the queries {string.Join(", ", missing)}");
        }

        if (metric.Kind == AbMetricKind.Mean && metric.Queries.Count > 0 && !metric.Has("buckets") && !metric.Has("sum_squares") && metric.Range is null)
        {
            y.Problem(map, $"'{where}' (mean) needs a variance: the query sum_squares or buckets, or a range: [low, high]");
        }

        if (metric.Kind == AbMetricKind.Quantile && metric.Quantile is null)
        {
            y.Problem(map, $"'{where}' (quantile) needs 'quantile' (0.95 for a p95)");
        }
    }

    private AbMetricKind? Kind(YamlMappingNode map, string where)
    {
        var text = y.Text(map, "type", where);
        if (text is null)
        {
            return null;
        }

        if (Enum.TryParse<AbMetricKind>(text, ignoreCase: true, out var kind) && !int.TryParse(text, out _))
        {
            return kind;
        }

        y.Problem(y.Get(map, "type"), $"'{where}.type': '{text}' is not one of proportion, mean, ratio, quantile");
        return null;
    }

    private (double, double)? Range(YamlMappingNode map, string where)
    {
        if (y.Get(map, "range") is not { } node)
        {
            return null;
        }

        if (node is YamlSequenceNode { Children.Count: 2 } pair
            && double.TryParse((pair[0] as YamlScalarNode)?.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var low)
            && double.TryParse((pair[1] as YamlScalarNode)?.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var high)
            && low < high)
        {
            return (low, high);
        }

        y.Problem(node, $"'{where}.range' must be [low, high] with low < high");
        return null;
    }

    private IEnumerable<KeyValuePair<string, string>> Pairs(YamlMappingNode? map, string where)
    {
        foreach (var (key, value) in YamlNodes.Entries(map))
        {
            if (key is YamlScalarNode { Value: { } k } && value is YamlScalarNode { Value: { Length: > 0 } v })
            {
                yield return new(k, v);
            }
            else
            {
                y.Problem(key, $"'{where}.{(key as YamlScalarNode)?.Value}' must be a text value");
            }
        }
    }
}
