using Gates.Core.Thresholds;

namespace Gates.DriftCheck.Evidently;

/// <summary>How Evidently chooses a column's drift method and threshold (DataDriftPreset / ValueDrift parameters).</summary>
internal sealed record MethodChoice
{
    public string? Method { get; init; }
    public string? NumMethod { get; init; }
    public string? CatMethod { get; init; }
    public string? TextMethod { get; init; }
    public double? Threshold { get; init; }
    public double? NumThreshold { get; init; }
    public double? CatThreshold { get; init; }
    public double? TextThreshold { get; init; }
    public IReadOnlyDictionary<string, string> PerColumnMethod { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, double> PerColumnThreshold { get; init; } = new Dictionary<string, double>();

    /// <summary>The method and threshold for a column of Evidently type "num", "cat" or "text"; null means Evidently's default.</summary>
    public (string? Method, double? Threshold) For(string column, string kind) =>
        (PerColumnMethod.GetValueOrDefault(column) ?? kind switch { "num" => NumMethod, "cat" => CatMethod, _ => TextMethod } ?? Method,
         PerColumnThreshold.TryGetValue(column, out var t) ? t : (kind switch { "num" => NumThreshold, "cat" => CatThreshold, _ => TextThreshold } ?? Threshold));
}

/// <summary>One test condition of an Evidently metric (LessThanMetricTest and its kin).</summary>
internal sealed record EvidentlyTest(string Type, Comparison Comparison, double Threshold, bool Critical);

/// <summary>A metric of the config as drift-check runs it, kept for the Evidently-shaped output.</summary>
internal sealed record EvidentlyMetric
{
    /// <summary>"DriftedColumnsCount" or "ValueDrift".</summary>
    public required string Kind { get; init; }
    public string? Column { get; init; }

    /// <summary>Made by a DataDriftPreset, which also makes one ValueDrift per column.</summary>
    public bool FromPreset { get; init; }
    public double DriftShare { get; init; } = 0.5;

    /// <summary>Tests on the count (DriftedColumnsCount) or on the drift score (ValueDrift); null: Evidently's default tests.</summary>
    public IReadOnlyList<EvidentlyTest>? Tests { get; init; }

    /// <summary>Tests on the share of drifted columns (DriftedColumnsCount only).</summary>
    public IReadOnlyList<EvidentlyTest>? ShareTests { get; init; }

    /// <summary>The metric's parameters as written in the config.</summary>
    public required System.Text.Json.Nodes.JsonObject Config { get; init; }
}

/// <summary>The drift parts of an Evidently 0.7 report configuration (the file <c>evidently report</c> reads).</summary>
internal sealed record EvidentlyConfig
{
    public required string Path { get; init; }
    public required string Sha256 { get; init; }

    /// <summary>Columns to compare; null: every column.</summary>
    public IReadOnlyList<string>? Columns { get; init; }
    public MethodChoice Methods { get; init; } = new();

    /// <summary>ValueDrift metrics: a column's own method and threshold, over the preset's.</summary>
    public IReadOnlyDictionary<string, (string? Method, double? Threshold)> ColumnMethods { get; init; } = new Dictionary<string, (string?, double?)>();
    public bool IncludeTests { get; init; }
    public IReadOnlyList<EvidentlyMetric> Metrics { get; init; } = [];

    /// <summary>Text columns named by data_definition.text_columns or column_mapping.text_features.</summary>
    public IReadOnlyList<string> TextColumns { get; init; } = [];

    /// <summary>Parts of the config drift-check does not run ("metrics[2]: ColumnSummaryMetric").</summary>
    public IReadOnlyList<string> Unsupported { get; init; } = [];
}
