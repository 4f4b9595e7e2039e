using Gates.DriftCheck.Profiling;

namespace Gates.DriftCheck.Config;

internal enum DriftMode
{
    /// <summary>Drift only when the effect matters and is significant at the current sample sizes.</summary>
    Default,

    /// <summary>Evidently's DataDriftPreset test choice and thresholds, for teams migrating.</summary>
    Evidently,
}

internal enum Severity
{
    Off,
    Warn,
    Fail,
}

/// <summary>A per-column signal beyond the distribution: fires at or above <see cref="Threshold"/>.</summary>
internal sealed record SignalSettings(double Threshold, Severity Severity);

internal sealed record ColumnSettings
{
    public ColumnType? Type { get; init; }

    /// <summary>A critical column fails the gate on its own when it drifts.</summary>
    public bool Critical { get; init; }

    /// <summary>Leave the column out of the comparison.</summary>
    public bool Ignore { get; init; }

    /// <summary>The smallest effect that matters for this column (overrides the per-type default).</summary>
    public double? Effect { get; init; }
}

/// <summary>The <c>drift:</c> and <c>columns:</c> sections of the thresholds file, with their defaults.</summary>
internal sealed record DriftSettings
{
    public DriftMode Mode { get; init; } = DriftMode.Default;
    public double Alpha { get; init; } = 0.05;
    public double Power { get; init; } = 0.8;
    public bool BenjaminiHochberg { get; init; }

    /// <summary>
    /// Normalised Wasserstein distance: a shift of this many reference standard deviations. 0.2 is Cohen's "small"
    /// effect; Evidently's 0.1 fires on noise with small current windows.
    /// </summary>
    public double NumericEffect { get; init; } = 0.2;

    /// <summary>Jensen–Shannon distance, base 2.</summary>
    public double CategoricalEffect { get; init; } = 0.1;

    public int PsiBins { get; init; } = 10;
    public double PsiSmoothing { get; init; } = 1e-4;

    /// <summary>Categories tested by chi-square; rarer ones are pooled into "other".</summary>
    public int MaxCategories { get; init; } = 50;

    public IReadOnlyList<string> MissingValues { get; init; } = Profiling.MissingValues.PandasDefaults;

    public SignalSettings MissingRate { get; init; } = new(0.05, Severity.Warn);
    public SignalSettings NewCategories { get; init; } = new(0.01, Severity.Warn);
    public SignalSettings OutOfRange { get; init; } = new(0.01, Severity.Warn);
    public SignalSettings InvalidValues { get; init; } = new(0, Severity.Warn);

    public IReadOnlyDictionary<string, ColumnSettings> Columns { get; init; } = new Dictionary<string, ColumnSettings>();

    /// <summary>An Evidently report config (--evidently-config): the columns, methods and thresholds it names.</summary>
    public Evidently.EvidentlyConfig? Evidently { get; init; }

    public TextDriftSettings Text { get; init; } = new();

    public EmbeddingDriftSettings EmbeddingDrift { get; init; } = new();

    /// <summary>Embedding columns declared with <c>type: embedding</c> (kept apart from <see cref="Columns"/>: they are not profiled).</summary>
    public IReadOnlyList<EmbeddingColumn> Embeddings { get; init; } = [];

    /// <summary>Columns declared text here or by the Evidently config (else text is inferred).</summary>
    public IEnumerable<string> DeclaredText =>
        Columns.Where(c => c.Value.Type == ColumnType.Text).Select(c => c.Key).Concat(Evidently?.TextColumns ?? []);

    public ColumnSettings For(string column) => Columns.TryGetValue(column, out var c) ? c : new ColumnSettings();

    /// <summary>Types set by <c>columns.NAME.type</c>, and text for the Evidently config's text columns.</summary>
    public IReadOnlyDictionary<string, ColumnType> TypeOverrides
    {
        get
        {
            var types = Columns.Where(c => c.Value.Type is not null).ToDictionary(c => c.Key, c => c.Value.Type!.Value);
            foreach (var name in Evidently?.TextColumns ?? [])
            {
                types.TryAdd(name, ColumnType.Text);
            }

            return types;
        }
    }
}
