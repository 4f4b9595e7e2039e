using Gates.Core.Statistics.Drift;

namespace Gates.DriftCheck.Profiling;

/// <summary>
/// What comparisons need from one column of one data set: counts, and a summary of the values in the form the
/// column's type is compared by. The reference's profile can be saved and read back (<see cref="ProfileJson"/>).
/// </summary>
internal sealed record ColumnProfile
{
    public required string Name { get; init; }
    public required ColumnType Type { get; init; }
    public required string TypeReason { get; init; }
    public required long Rows { get; init; }
    public required long Missing { get; init; }

    /// <summary>Values that do not fit the type (text in a numeric column), excluded from the summary.</summary>
    public long Invalid { get; init; }
    public string? InvalidExample { get; init; }

    /// <summary>±Infinity in a numeric column, excluded from the summary.</summary>
    public long NonFinite { get; init; }

    /// <summary>Numbers of a numeric column, or text lengths of a text column.</summary>
    public NumericSummary? Numbers { get; init; }

    /// <summary>Values of a categorical or boolean column, or weekdays of a datetime column.</summary>
    public CategoryCounts? Categories { get; init; }

    /// <summary>Hours of the day of a datetime column with times.</summary>
    public CategoryCounts? Hours { get; init; }

    public DateRange? Dates { get; init; }

    /// <summary>Why the values cannot be trusted (for example a field above the size limit).</summary>
    public string? Problem { get; init; }

    public long NonMissing => Rows - Missing;
}

/// <summary>The distribution of a numeric column with its exact moments and range.</summary>
internal sealed record NumericSummary(EmpiricalDistribution Distribution, Moments Moments, double Min, double Max)
{
    public long Count => Distribution.SampleSize;

    /// <summary>Bound on how far the distribution's CDF (and so a KS distance) may be from the data's: 0 when exact.</summary>
    public double CdfError { get; init; }
}

/// <summary>Counts per category; <see cref="Other"/> counts values beyond the tracked categories.</summary>
internal sealed record CategoryCounts(IReadOnlyDictionary<string, long> Counts, long Other)
{
    public long Total => Counts.Values.Sum() + Other;

    /// <summary>Whether every value is itemised, so that a category absent here is truly absent.</summary>
    public bool Complete => Other == 0;
}

internal sealed record DateRange(DateTime Min, DateTime Max, bool HasTime);
