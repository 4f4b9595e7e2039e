using Gates.DriftCheck.Config;

namespace Gates.DriftCheck.Analysis;

/// <summary>Every column's comparison and the dataset-level counts the gates decide on.</summary>
internal sealed record DriftResult
{
    public required DriftMode Mode { get; init; }
    public required IReadOnlyList<ColumnResult> Columns { get; init; }
    public required long ReferenceRows { get; init; }
    public required long CurrentRows { get; init; }

    /// <summary>Columns with a test result (drift, no drift or insufficient data).</summary>
    public int Compared => Columns.Count(c => c.Status != ColumnStatus.NotTested);
    public int Drifted => Columns.Count(c => c.Status == ColumnStatus.Drift);
    public int Insufficient => Columns.Count(c => c.Status == ColumnStatus.InsufficientData);
    public int NotTested => Columns.Count(c => c.Status == ColumnStatus.NotTested);

    /// <summary>Evidently's dataset rule divides the drifted columns by the columns compared.</summary>
    public double ShareDrifted => Compared == 0 ? 0 : (double)Drifted / Compared;

    /// <summary>The share if every column with insufficient data had drifted.</summary>
    public double ShareDriftedAtMost => Compared == 0 ? 0 : (double)(Drifted + Insufficient) / Compared;
}
