using Gates.Cli;
using Gates.DriftCheck.Config;
using Gates.DriftCheck.Data;

namespace Gates.DriftCheck;

/// <summary>drift-check's bound command line.</summary>
internal sealed record DriftCheckSettings
{
    public required CommonSettings Common { get; init; }
    public required string Reference { get; init; }
    public required string Current { get; init; }
    public string? DriftJson { get; init; }
    public DriftMode? Mode { get; init; }
    public string? EvidentlyConfig { get; init; }
    public string? EvidentlyJson { get; init; }
    public bool TestSummary { get; init; }
    public bool Strict { get; init; }
    public required DataSettings Data { get; init; }
}

/// <summary>How the data files are read (shared by the compare and profile commands).</summary>
internal sealed record DataSettings
{
    public TableFormat Format { get; init; } = TableFormat.Auto;
    public char? Delimiter { get; init; }
    public int MaxFieldBytes { get; init; } = 1 << 20;
    public int ExactNumbers { get; init; } = Profiling.NumberSketch.DefaultExactLimit;

    public TableReadOptions ToOptions(DriftSettings drift) => new()
    {
        Format = Format,
        Delimiter = Delimiter,
        MaxFieldBytes = MaxFieldBytes,
        ExactNumbers = ExactNumbers,
        Missing = new Profiling.MissingValues(drift.MissingValues),
    };
}

/// <summary>drift-check profile's bound command line.</summary>
internal sealed record ProfileSettings
{
    /// <summary>The data to profile; null when profiles are merged instead.</summary>
    public string? Reference { get; init; }
    /// <summary>Profiles of partitions to merge (--merge).</summary>
    public IReadOnlyList<string> Merge { get; init; } = [];
    /// <summary>Where --save-profile (--out) writes the profile.</summary>
    public required string SaveProfile { get; init; }
    public string? Thresholds { get; init; }
    public int Quantiles { get; init; } = 1000;
    /// <summary>Numeric columns with at most this many distinct values keep them all.</summary>
    public int ExactValues { get; init; } = 1000;
    public required DataSettings Data { get; init; }
}
