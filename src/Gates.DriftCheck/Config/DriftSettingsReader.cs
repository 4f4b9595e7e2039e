using Gates.Core;
using Gates.Core.Thresholds;
using Gates.DriftCheck.Profiling;
using YamlDotNet.RepresentationModel;

namespace Gates.DriftCheck.Config;

/// <summary>Reads the <c>drift:</c> and <c>columns:</c> sections of a thresholds file (docs/drift-check.md).</summary>
internal static class DriftSettingsReader
{
    public static readonly ThresholdReadOptions ReadOptions = new() { Sections = new HashSet<string> { "drift", "columns" } };

    private static readonly Dictionary<string, DriftMode> Modes = new() { ["default"] = DriftMode.Default, ["evidently"] = DriftMode.Evidently };
    private static readonly Dictionary<string, Severity> Severities = new() { ["off"] = Severity.Off, ["warn"] = Severity.Warn, ["fail"] = Severity.Fail };
    private static readonly Dictionary<string, bool> Corrections = new() { ["none"] = false, ["bh"] = true, ["benjamini-hochberg"] = true };

    public static DriftSettings Read(ThresholdSet thresholds)
    {
        var values = new YamlValues(thresholds.Path);
        var settings = new DriftSettings();
        if (thresholds.Sections.TryGetValue("drift", out var drift))
        {
            settings = ReadDrift(drift, settings, values);
        }

        if (thresholds.Sections.TryGetValue("columns", out var columns))
        {
            var embeddings = new List<EmbeddingColumn>();
            settings = settings with { Columns = ReadColumns(columns, values, embeddings), Embeddings = embeddings };
        }

        return values.Problems.Count > 0 ? throw new GateInputException(values.Problems) : settings;
    }

    private static DriftSettings ReadDrift(YamlNode node, DriftSettings s, YamlValues v)
    {
        foreach (var (key, keyNode, value) in v.Mapping(node, "drift"))
        {
            s = key switch
            {
                "mode" => s with { Mode = v.Word(value, key, Modes) ?? s.Mode },
                "alpha" => s with { Alpha = v.Number(value, key, 0, 0.5, minExclusive: true) ?? s.Alpha },
                "power" => s with { Power = v.Number(value, key, 0.5, 0.999) ?? s.Power },
                "correction" => s with { BenjaminiHochberg = v.Word(value, key, Corrections) ?? s.BenjaminiHochberg },
                "numeric_effect" => s with { NumericEffect = v.Number(value, key, 0, 100, minExclusive: true) ?? s.NumericEffect },
                "categorical_effect" => s with { CategoricalEffect = v.Number(value, key, 0, 1, minExclusive: true) ?? s.CategoricalEffect },
                "psi_bins" => s with { PsiBins = v.Integer(value, key, 2, 1000) ?? s.PsiBins },
                "psi_smoothing" => s with { PsiSmoothing = v.Number(value, key, 0, 0.1, minExclusive: true) ?? s.PsiSmoothing },
                "max_categories" => s with { MaxCategories = v.Integer(value, key, 2, 100_000) ?? s.MaxCategories },
                "missing_values" => s with { MissingValues = Strings(value, key, v) ?? s.MissingValues },
                "missing_rate" => s with { MissingRate = Signal(value, key, "change", 1, s.MissingRate, v) },
                "new_categories" => s with { NewCategories = Signal(value, key, "share", 1, s.NewCategories, v) },
                "out_of_range" => s with { OutOfRange = Signal(value, key, "share", 1, s.OutOfRange, v) },
                "invalid_values" => s with { InvalidValues = Signal(value, key, "share", 1, s.InvalidValues, v) },
                "text" => s with { Text = RichColumnSettingsReader.Text(value, s.Text, v) },
                "embeddings" => s with { EmbeddingDrift = RichColumnSettingsReader.Embeddings(value, s.EmbeddingDrift, v) },
                _ => Unknown(s, keyNode, $"unknown key 'drift.{key}' (allowed: mode, alpha, power, correction, numeric_effect, " +
                    "categorical_effect, psi_bins, psi_smoothing, max_categories, missing_values, missing_rate, new_categories, " +
                    "out_of_range, invalid_values, text, embeddings)", v),
            };
        }

        return s;
    }

    private static SignalSettings Signal(YamlNode node, string name, string thresholdKey, double max, SignalSettings current, YamlValues v)
    {
        var result = current;
        foreach (var (key, keyNode, value) in v.Mapping(node, name))
        {
            if (key == thresholdKey)
            {
                result = result with { Threshold = v.Number(value, $"{name}.{key}", 0, max) ?? result.Threshold };
            }
            else if (key == "severity")
            {
                result = result with { Severity = v.Word(value, $"{name}.severity", Severities) ?? result.Severity };
            }
            else
            {
                v.Add(keyNode, $"unknown key '{name}.{key}' (allowed: {thresholdKey}, severity)");
            }
        }

        return result;
    }

    private static Dictionary<string, ColumnSettings> ReadColumns(YamlNode node, YamlValues v, List<EmbeddingColumn> embeddings)
    {
        var columns = new Dictionary<string, ColumnSettings>(StringComparer.Ordinal);
        foreach (var (name, _, value) in v.Mapping(node, "columns"))
        {
            if (RichColumnSettingsReader.Embedding(name, value, v) is { } embedding)
            {
                embeddings.Add(embedding);
                continue;
            }

            var column = new ColumnSettings();
            foreach (var (key, keyNode, item) in v.Mapping(value, $"columns.{name}"))
            {
                column = key switch
                {
                    "type" => column with { Type = TypeOf(item, name, v) },
                    "critical" => column with { Critical = v.Boolean(item, $"columns.{name}.critical") ?? false },
                    "ignore" => column with { Ignore = v.Boolean(item, $"columns.{name}.ignore") ?? false },
                    "effect" => column with { Effect = v.Number(item, $"columns.{name}.effect", 0, 100, minExclusive: true) },
                    _ => Unknown(column, keyNode, $"unknown key 'columns.{name}.{key}' (allowed: type, critical, ignore, effect; prefix with type: embedding)", v),
                };
            }

            columns[name] = column;
        }

        return columns;
    }

    private static ColumnType? TypeOf(YamlNode node, string column, YamlValues v)
    {
        var allowed = new[] { ColumnType.Numeric, ColumnType.Boolean, ColumnType.Categorical, ColumnType.Datetime, ColumnType.Text, ColumnType.Identifier };
        if (ColumnTypeNames.TryParse(YamlValues.Text(node), out var type) && allowed.Contains(type))
        {
            return type;
        }

        v.Add(node, $"columns.{column}.type '{YamlValues.Text(node)}' is not one of {string.Join(", ", allowed.Select(t => t.ToWord()))}, embedding");
        return null;
    }

    private static IReadOnlyList<string>? Strings(YamlNode node, string key, YamlValues v)
    {
        if (node is YamlSequenceNode sequence && sequence.Children.All(c => c is YamlScalarNode))
        {
            return [.. sequence.Children.Select(c => YamlValues.Text(c) ?? "")];
        }

        v.Add(node, $"{key} must be a list of strings, for example [\"\", \"NA\", \"?\"]");
        return null;
    }

    private static T Unknown<T>(T unchanged, YamlNode keyNode, string message, YamlValues v)
    {
        v.Add(keyNode, message);
        return unchanged;
    }
}
