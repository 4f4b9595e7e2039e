using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Gates.Core.Thresholds;

/// <summary>Validates one gate mapping; reports every problem it finds.</summary>
internal static class GateParser
{
    private static readonly string[] StandardKeys =
        ["metric", "min", "max", "value", "comparison", "warn", "tolerance", "required", "description", "decision", "confidence", "delta"];

    public static GateDefinition? Parse(string name, YamlNode nameNode, YamlNode node, GateDefaults defaults,
        ThresholdReadOptions options, ProblemList problems)
    {
        var line = YamlScalars.Line(nameNode);
        if (node is not YamlMappingNode mapping)
        {
            problems.Add(line, name, "a gate must be a mapping (metric, min/max, comparison …)");
            return null;
        }

        var before = problems.Count;
        var values = new Dictionary<string, YamlNode>();
        YamlNode? previous = null;
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = YamlScalars.Text(keyNode) ?? "";
            if (StandardKeys.Contains(key) || options.GateKeys.Contains(key))
            {
                values[key] = value;
            }
            else if (mapping.Style == MappingStyle.Flow && IsEmpty(value) && previous is YamlScalarNode { Value: { } previousText } && !string.IsNullOrEmpty(previousText))
            {
                // In {…} a comma ends an entry, so "metric: a,b" turns into metric "a" and a stray key "b".
                problems.Add(YamlScalars.Line(keyNode), name,
                    $"'{key}' follows a comma inside {{…}}, which ends an entry there; a name with a comma must be quoted: \"{previousText},{key}\"");
            }
            else
            {
                var allowed = string.Join(", ", StandardKeys.Concat(options.GateKeys));
                problems.Add(YamlScalars.Line(keyNode), name, $"unknown key '{key}' (allowed: {allowed})");
            }

            previous = value;
        }

        var metric = values.TryGetValue("metric", out var metricNode) ? YamlScalars.Text(metricNode) : null;
        if (string.IsNullOrWhiteSpace(metric) && options.MetricRequired)
        {
            problems.Add(line, name, "missing 'metric:' (the key of the value to check in the results)");
        }

        var (comparison, threshold) = ReadBound(name, line, values, problems);
        var warn = ReadNumber(values, "warn", name, problems);
        if (warn is { } w && comparison is { } c && threshold is { } t && !WarnIsOnGoodSide(c, t, w))
        {
            problems.Add(Line(values, "warn", line), name,
                $"warn: {w} must lie on the passing side of the threshold {t} ({c.ToWord()}), or it can never trigger");
        }

        var tolerance = ReadNumber(values, "tolerance", name, problems) ?? 0;
        if (tolerance < 0)
        {
            problems.Add(Line(values, "tolerance", line), name, "tolerance must not be negative");
        }

        var required = defaults.Required;
        if (values.TryGetValue("required", out var requiredNode) && !YamlScalars.TryBool(requiredNode, out required))
        {
            problems.Add(YamlScalars.Line(requiredNode), name, "required must be true or false");
        }

        var decision = values.TryGetValue("decision", out var d) ? ReadDecision(d, name, problems) : null;
        var confidence = values.TryGetValue("confidence", out var conf) ? ReadConfidence(conf, name, problems) : null;
        var delta = values.TryGetValue("delta", out var deltaNode) ? ReadDelta(deltaNode, name, problems) : null;

        if (problems.Count > before || comparison is null || threshold is null)
        {
            return null;
        }

        return new GateDefinition
        {
            Name = name,
            Metric = metric ?? name,
            Comparison = comparison.Value,
            Threshold = threshold.Value,
            Warn = warn,
            Tolerance = tolerance,
            Required = required,
            Description = values.TryGetValue("description", out var desc) ? YamlScalars.Text(desc) : null,
            Decision = decision ?? defaults.Decision,
            Confidence = confidence ?? defaults.Confidence,
            Delta = delta,
            Line = line,
            Node = mapping,
        };
    }

    private static (Comparison?, double?) ReadBound(string name, int line, Dictionary<string, YamlNode> values, ProblemList problems)
    {
        var bounds = new[] { "min", "max", "value" }.Where(values.ContainsKey).ToList();
        Comparison? comparison = null;
        if (values.TryGetValue("comparison", out var compNode))
        {
            var text = YamlScalars.Text(compNode);
            if (Enum.TryParse<Comparison>(text, ignoreCase: true, out var parsed) && text == text?.ToLowerInvariant())
            {
                comparison = parsed;
            }
            else
            {
                problems.Add(YamlScalars.Line(compNode), name, $"comparison '{text}' is not one of gte, gt, lte, lt, eq");
                return (null, null);
            }
        }

        if (bounds.Count != 1)
        {
            problems.Add(line, name, bounds.Count == 0
                ? "needs a threshold: 'min:' (with gte/gt), 'max:' (with lte/lt) or 'value:' (with eq)"
                : $"give exactly one of min, max, value (found {string.Join(", ", bounds)})");
            return (comparison, null);
        }

        var bound = bounds[0];
        comparison ??= bound switch { "min" => Comparison.Gte, "max" => Comparison.Lte, _ => Comparison.Eq };
        var fits = bound switch
        {
            "min" => comparison is Comparison.Gte or Comparison.Gt,
            "max" => comparison is Comparison.Lte or Comparison.Lt,
            _ => comparison is Comparison.Eq,
        };
        if (!fits)
        {
            var expected = bound switch { "min" => "gte or gt", "max" => "lte or lt", _ => "eq" };
            problems.Add(Line(values, "comparison", line), name, $"'{bound}:' needs comparison {expected}, not {comparison.Value.ToWord()}");
            return (null, null);
        }

        return (comparison, ReadNumber(values, bound, name, problems));
    }

    private static bool WarnIsOnGoodSide(Comparison comparison, double threshold, double warn) => comparison switch
    {
        Comparison.Gte or Comparison.Gt => warn >= threshold,
        Comparison.Lte or Comparison.Lt => warn <= threshold,
        _ => warn >= 0,
    };

    private static double? ReadNumber(Dictionary<string, YamlNode> values, string key, string gate, ProblemList problems)
    {
        if (!values.TryGetValue(key, out var node))
        {
            return null;
        }

        if (YamlScalars.TryNumber(node, out var number))
        {
            return number;
        }

        problems.Add(YamlScalars.Line(node), gate, $"{key} must be a finite number, got '{YamlScalars.Text(node) ?? node.NodeType.ToString()}'");
        return null;
    }

    private static int Line(Dictionary<string, YamlNode> values, string key, int fallback) =>
        values.TryGetValue(key, out var node) ? YamlScalars.Line(node) : fallback;

    internal static DecisionMode? ReadDecision(YamlNode node, string? gate, ProblemList problems)
    {
        switch (YamlScalars.Text(node))
        {
            case "point": return DecisionMode.Point;
            case "confident": return DecisionMode.Confident;
            default:
                problems.Add(YamlScalars.Line(node), gate, $"decision '{YamlScalars.Text(node)}' is not one of point, confident");
                return null;
        }
    }

    internal static double? ReadConfidence(YamlNode node, string? gate, ProblemList problems)
    {
        if (YamlScalars.TryNumber(node, out var level) && level is > 0.5 and < 1)
        {
            return level;
        }

        problems.Add(YamlScalars.Line(node), gate, $"confidence must be a number between 0.5 and 1 (for example 0.95), got '{YamlScalars.Text(node)}'");
        return null;
    }

    private static DeltaMode? ReadDelta(YamlNode node, string gate, ProblemList problems)
    {
        var mode = node switch
        {
            YamlScalarNode scalar => scalar.Value,
            YamlMappingNode map when map.Children.TryGetValue(new YamlScalarNode("mode"), out var m) => YamlScalars.Text(m),
            _ => null,
        };
        if (node is YamlMappingNode mapping)
        {
            foreach (var (k, v) in mapping.Children)
            {
                var key = YamlScalars.Text(k);
                if (key == "vs" && YamlScalars.Text(v) != "baseline")
                {
                    problems.Add(YamlScalars.Line(v), gate, "delta.vs must be 'baseline'");
                }
                else if (key is not ("mode" or "vs"))
                {
                    problems.Add(YamlScalars.Line(k), gate, $"unknown key 'delta.{key}' (allowed: mode, vs)");
                }
            }
        }

        switch (mode)
        {
            case "absolute": return DeltaMode.Absolute;
            case "relative": return DeltaMode.Relative;
            default:
                problems.Add(YamlScalars.Line(node), gate, "delta must say 'absolute' or 'relative' (delta: absolute, or delta: {mode: relative, vs: baseline})");
                return null;
        }
    }

    private static bool IsEmpty(YamlNode node) => node is YamlScalarNode { Value: null or "" } scalar && scalar.Style == YamlDotNet.Core.ScalarStyle.Plain;
}
