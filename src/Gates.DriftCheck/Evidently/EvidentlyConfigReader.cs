using System.Text.Json;
using System.Text.Json.Nodes;
using Gates.Core;
using Gates.Core.Thresholds;

namespace Gates.DriftCheck.Evidently;

/// <summary>
/// Reads the drift parts of an Evidently 0.7 report config (<c>evidently report CONFIG …</c>): DataDriftPreset,
/// DriftedColumnsCount and ValueDrift with their parameters and test conditions. Everything else is collected in
/// <see cref="EvidentlyConfig.Unsupported"/>; malformed values are input errors.
/// </summary>
internal sealed class EvidentlyConfigReader
{
    private static readonly string[] MethodKeys = ["method", "cat_method", "num_method", "text_method", "threshold", "cat_threshold", "num_threshold", "text_threshold", "per_column_method", "per_column_threshold"];
    private static readonly HashSet<string> Ignored = ["type", "include_tests", "metric_id", "id"];

    private readonly List<string> problems = [];
    private readonly List<string> unsupported = [];
    private readonly string path;

    private EvidentlyConfigReader(string path) => this.path = path;

    public static EvidentlyConfig Read(string path, string text, string sha256)
    {
        var reader = new EvidentlyConfigReader(path);
        var config = reader.ReadRoot(ConfigDocument.Parse(path, text)) with { Path = path, Sha256 = sha256 };
        if (reader.problems.Count > 0)
        {
            throw new GateInputException(reader.problems);
        }

        return config with { Unsupported = reader.unsupported };
    }

    /// <summary>The text columns of a data definition (text_columns) or a legacy column mapping (text_features); other keys are unsupported.</summary>
    private List<string> TextColumns(JsonNode? node, string key)
    {
        if (node is not JsonObject definition)
        {
            problems.Add($"{path}: '{key}' must be an object");
            return [];
        }

        var text = new List<string>();
        foreach (var (name, value) in definition)
        {
            if (name is "text_columns" or "text_features")
            {
                text.AddRange(Strings(value, $"{key}.{name}") ?? []);
            }
            else if (value is not null)
            {
                unsupported.Add($"{key}.{name}");
            }
        }

        return text;
    }

    private EvidentlyConfig ReadRoot(JsonObject root)
    {
        var config = new EvidentlyConfig { Path = path, Sha256 = "" };
        foreach (var (key, value) in root)
        {
            switch (key)
            {
                case "metrics":
                    break;
                case "include_tests":
                    config = config with { IncludeTests = Bool(value, key) };
                    break;
                case "metadata" or "tags" or "id" or "name":
                    break;
                case "data_definition" or "column_mapping":
                    config = config with { TextColumns = [.. config.TextColumns, .. TextColumns(value, key)] };
                    break;
                case "descriptors" or "options":
                    if (value is JsonArray { Count: > 0 } list)
                    {
                        unsupported.Add($"{key} ({list.Count})");
                    }

                    break;
                default:
                    if (value is not null)
                    {
                        unsupported.Add(key);
                    }

                    break;
            }
        }

        if (root["metrics"] is not JsonArray metrics)
        {
            problems.Add($"{path}: 'metrics' must be a list of metrics (DataDriftPreset, DriftedColumnsCount, ValueDrift)");
            return config;
        }

        var all = false;
        var columns = new List<string>();
        var metricList = new List<EvidentlyMetric>();
        var columnMethods = new Dictionary<string, (string?, double?)>(StringComparer.Ordinal);
        for (var i = 0; i < metrics.Count; i++)
        {
            if (metrics[i] is not JsonObject metric || metric["type"]?.GetValueKind() != JsonValueKind.String)
            {
                problems.Add($"{path}: metrics[{i}] must be an object with a 'type'");
                continue;
            }

            var where = $"metrics[{i}]";
            var kind = ShortName(metric["type"]!.GetValue<string>());
            switch (kind)
            {
                case "DataDriftPreset" or "DriftedColumnsCount":
                    Known(metric, where, [.. MethodKeys, "columns", "drift_share", "embeddings", "embeddings_drift_method", .. kind == "DriftedColumnsCount" ? new[] { "tests", "share_tests" } : []]);
                    foreach (var key in new[] { "embeddings", "embeddings_drift_method" }.Where(k => metric[k] is not null))
                    {
                        unsupported.Add($"{where}.{key}");
                    }

                    if (MethodKeys.Any(k => metric[k] is not null))
                    {
                        config = config with { Methods = Methods(metric, where) };
                    }

                    if (Strings(metric["columns"], $"{where}.columns") is { } listed)
                    {
                        columns.AddRange(listed);
                    }
                    else
                    {
                        all = true;
                    }

                    metricList.Add(new EvidentlyMetric
                    {
                        Kind = "DriftedColumnsCount",
                        FromPreset = kind == "DataDriftPreset",
                        DriftShare = Number(metric["drift_share"], $"{where}.drift_share", 0, 1) ?? 0.5,
                        Tests = Tests(metric["tests"], $"{where}.tests"),
                        ShareTests = Tests(metric["share_tests"], $"{where}.share_tests"),
                        Config = Params(metric),
                    });
                    break;
                case "ValueDrift":
                    Known(metric, where, ["column", "method", "threshold", "tests", "nbinsx"]);
                    if (metric["nbinsx"] is not null)
                    {
                        unsupported.Add($"{where}.nbinsx");
                    }

                    if (metric["column"]?.GetValueKind() != JsonValueKind.String)
                    {
                        problems.Add($"{path}: {where}: ValueDrift needs 'column'");
                        break;
                    }

                    var column = metric["column"]!.GetValue<string>();
                    columns.Add(column);
                    columnMethods[column] = (Method(metric["method"], $"{where}.method"), Number(metric["threshold"], $"{where}.threshold", 0, double.MaxValue));
                    metricList.Add(new EvidentlyMetric { Kind = "ValueDrift", Column = column, Tests = Tests(metric["tests"], $"{where}.tests"), Config = Params(metric) });
                    break;
                default:
                    unsupported.Add($"{where}: {kind}");
                    break;
            }
        }

        if (metricList.Count == 0)
        {
            problems.Add($"{path}: no drift metric to run (DataDriftPreset, DriftedColumnsCount or ValueDrift)");
        }

        return config with
        {
            Columns = all ? null : [.. columns.Distinct(StringComparer.Ordinal)],
            ColumnMethods = columnMethods,
            Metrics = metricList,
        };
    }

    /// <summary>"evidently:metric_v2:ValueDrift", "evidently.metrics.column_statistics.ValueDrift" or "ValueDrift".</summary>
    public static string ShortName(string type) => type.Split(':', '.').Last();

    private void Known(JsonObject metric, string where, IReadOnlyCollection<string> keys)
    {
        foreach (var (key, value) in metric)
        {
            if (value is not null && !keys.Contains(key) && !Ignored.Contains(key))
            {
                unsupported.Add($"{where}.{key}");
            }
        }
    }

    private MethodChoice Methods(JsonObject m, string where) => new()
    {
        Method = Method(m["method"], $"{where}.method"),
        NumMethod = Method(m["num_method"], $"{where}.num_method"),
        CatMethod = Method(m["cat_method"], $"{where}.cat_method"),
        TextMethod = Method(m["text_method"], $"{where}.text_method"),
        Threshold = Number(m["threshold"], $"{where}.threshold", 0, double.MaxValue),
        NumThreshold = Number(m["num_threshold"], $"{where}.num_threshold", 0, double.MaxValue),
        CatThreshold = Number(m["cat_threshold"], $"{where}.cat_threshold", 0, double.MaxValue),
        TextThreshold = Number(m["text_threshold"], $"{where}.text_threshold", 0, double.MaxValue),
        PerColumnMethod = Map(m["per_column_method"], $"{where}.per_column_method", n => Method(n, where)),
        PerColumnThreshold = Map(m["per_column_threshold"], $"{where}.per_column_threshold", n => Number(n, where, 0, double.MaxValue)),
    };

    private string? Method(JsonNode? node, string where)
    {
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() == JsonValueKind.String && EvidentlyMethods.IsKnown(node.GetValue<string>()))
        {
            return node.GetValue<string>();
        }

        if (node.GetValueKind() == JsonValueKind.String)
        {
            unsupported.Add($"{where}: method '{node.GetValue<string>()}' (drift-check runs {string.Join(", ", EvidentlyMethods.Names)})");
        }
        else
        {
            unsupported.Add($"{where}: a custom StatTest object");
        }

        return null;
    }

    private Dictionary<string, T> Map<T>(JsonNode? node, string where, Func<JsonNode?, T?> read)
        where T : struct
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries(node, where))
        {
            if (read(value) is { } v)
            {
                map[key] = v;
            }
        }

        return map;
    }

    private Dictionary<string, string> Map(JsonNode? node, string where, Func<JsonNode?, string?> read)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries(node, where))
        {
            if (read(value) is { } v)
            {
                map[key] = v;
            }
        }

        return map;
    }

    private IEnumerable<KeyValuePair<string, JsonNode?>> Entries(JsonNode? node, string where)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not JsonObject obj)
        {
            problems.Add($"{path}: {where} must be a mapping of column to value");
            return [];
        }

        return obj;
    }

    private IReadOnlyList<EvidentlyTest>? Tests(JsonNode? node, string where)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonArray list)
        {
            problems.Add($"{path}: {where} must be a list of tests");
            return null;
        }

        var tests = new List<EvidentlyTest>();
        for (var i = 0; i < list.Count; i++)
        {
            if (Test(list[i] as JsonObject, $"{where}[{i}]") is { } test)
            {
                tests.Add(test);
            }
        }

        return tests;
    }

    private EvidentlyTest? Test(JsonObject? test, string where)
    {
        var type = test?["type"]?.GetValueKind() == JsonValueKind.String ? ShortName(test["type"]!.GetValue<string>()) : null;
        Comparison? comparison = type switch
        {
            "LessThanMetricTest" => Comparison.Lt,
            "LessOrEqualMetricTest" => Comparison.Lte,
            "GreaterThanMetricTest" => Comparison.Gt,
            "GreaterOrEqualMetricTest" => Comparison.Gte,
            "EqualMetricTest" => Comparison.Eq,
            _ => null,
        };
        if (test is null || comparison is null)
        {
            unsupported.Add($"{where}: {type ?? "a test without a type"}");
            return null;
        }

        var key = comparison == Comparison.Eq ? "expected" : "threshold";
        if (test[key] is JsonObject)
        {
            unsupported.Add($"{where}: a Reference threshold (relative to the reference data)");
            return null;
        }

        if (Number(test[key], $"{where}.{key}", double.MinValue, double.MaxValue) is not { } threshold)
        {
            problems.Add($"{path}: {where} needs a numeric '{key}'");
            return null;
        }

        return new EvidentlyTest(type!, comparison.Value, threshold, test["is_critical"] is { } c ? Bool(c, $"{where}.is_critical") : true);
    }

    private double? Number(JsonNode? node, string where, double min, double max)
    {
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() == JsonValueKind.Number && node.GetValue<double>() is var d && d >= min && d <= max)
        {
            return d;
        }

        problems.Add($"{path}: {where} must be a number{(min == 0 && max == 1 ? " between 0 and 1" : "")}, got {node.ToJsonString()}");
        return null;
    }

    private bool Bool(JsonNode? node, string where)
    {
        if (node?.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return node.GetValue<bool>();
        }

        problems.Add($"{path}: {where} must be true or false");
        return false;
    }

    private IReadOnlyList<string>? Strings(JsonNode? node, string where)
    {
        if (node is null)
        {
            return null;
        }

        if (node is JsonArray list && list.All(n => n?.GetValueKind() == JsonValueKind.String))
        {
            return [.. list.Select(n => n!.GetValue<string>())];
        }

        problems.Add($"{path}: {where} must be a list of column names");
        return [];
    }

    private static JsonObject Params(JsonObject metric) =>
        new(metric.Where(e => e.Value is not null && e.Key is not "tests" and not "share_tests").Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value!.DeepClone())));
}
