using Gates.DriftCheck.Config;

namespace Gates.DriftCheck.Analysis;

internal enum ColumnStatus
{
    NoDrift,
    Drift,

    /// <summary>The current data cannot detect an effect of the size that matters.</summary>
    InsufficientData,

    /// <summary>The column could not be compared (empty, id, mixed types, absent from one file …).</summary>
    NotTested,
}

internal static class ColumnStatusWords
{
    public static string ToWord(this ColumnStatus status) => status switch
    {
        ColumnStatus.NoDrift => "no drift",
        ColumnStatus.Drift => "drift",
        ColumnStatus.InsufficientData => "insufficient data",
        _ => "not tested",
    };
}

/// <summary>The comparison of one column, with its status and everything that explains it.</summary>
internal sealed record ColumnResult
{
    public required string Name { get; init; }
    public required string Type { get; init; }
    public required string TypeReason { get; init; }
    public bool Critical { get; init; }
    public required ColumnStatus Status { get; init; }
    public required string Reason { get; init; }

    /// <summary>For a column not tested: whether that is by design (an id, ignored) rather than a problem.</summary>
    public bool Expected { get; init; }

    public string? Method { get; init; }

    /// <summary>The value the decision is made on, its name and threshold.</summary>
    public string? StatisticName { get; init; }
    public double? Statistic { get; init; }
    public double? Threshold { get; init; }

    /// <summary>"gte": drift when the statistic is at or above the threshold; "lt": when below (a p-value).</summary>
    public string? DriftWhen { get; init; }

    public double? PValue { get; init; }
    public double? AdjustedPValue { get; init; }
    public long ReferenceCount { get; init; }
    public long CurrentCount { get; init; }

    /// <summary>The change in plain words ("mean +0.31 sd", "country=BR 4% → 19%").</summary>
    public string? Effect { get; init; }

    /// <summary>The smallest effect the current sample size can detect, in the units of the effect threshold.</summary>
    public double? DetectableEffect { get; init; }

    /// <summary>Current rows needed to detect the effect threshold (insufficient data).</summary>
    public long? NeededCurrentRows { get; init; }

    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();
    public IReadOnlyList<SignalResult> Signals { get; init; } = [];
    public Histogram? Histogram { get; init; }
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>For a text column: descriptors and the domain classifier.</summary>
    public TextDrift? Text { get; init; }

    /// <summary>For an embedding column: classifier, MMD and centroid distance.</summary>
    public EmbeddingDrift? Embedding { get; init; }
}

/// <summary>A check beyond the distribution: missing rate, new categories, out-of-range or invalid values.</summary>
internal sealed record SignalResult
{
    public required string Name { get; init; }
    public required double Value { get; init; }
    public required double Threshold { get; init; }
    public double? PValue { get; init; }
    public required bool Fired { get; init; }
    public required Severity Severity { get; init; }
    public required string Words { get; init; }
    public IReadOnlyList<string> Examples { get; init; } = [];
}

/// <summary>Reference and current shares over the same bins, for charts.</summary>
internal sealed record Histogram(IReadOnlyList<string> Labels, IReadOnlyList<double> Reference, IReadOnlyList<double> Current, bool Numeric);
