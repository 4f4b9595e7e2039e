using Gates.DriftCheck.Config;
using Gates.DriftCheck.Profiling;

namespace Gates.DriftCheck.Analysis;

/// <summary>Why a column cannot be compared, if it cannot: checked before any test runs, so no column aborts the run.</summary>
internal static class NotTested
{
    /// <summary>Why a text column is not tested by the comparison itself in Evidently mode (<see cref="TextAnalysis"/> may test it from samples).</summary>
    public const string EvidentlyText = "text: Evidently compares text with a domain classifier, which needs the data of both sides (a text sample)";

    public static ColumnResult? Check(string name, ColumnProfile? reference, ColumnProfile? current, ColumnSettings settings, DriftMode mode)
    {
        var (reason, expected) = Why(reference, current, settings, mode);
        if (reason is null)
        {
            return null;
        }

        var profile = reference ?? current!;
        return new ColumnResult
        {
            Name = name,
            Type = profile.Type.ToWord(),
            TypeReason = profile.TypeReason,
            Critical = settings.Critical,
            Status = ColumnStatus.NotTested,
            Reason = reason,
            Expected = expected,
            ReferenceCount = reference?.NonMissing ?? 0,
            CurrentCount = current?.NonMissing ?? 0,
        };
    }

    private static (string? Reason, bool Expected) Why(ColumnProfile? r, ColumnProfile? c, ColumnSettings settings, DriftMode mode)
    {
        if (settings.Ignore)
        {
            return ("ignored (columns.<name>.ignore in the thresholds file)", true);
        }

        if (r is null)
        {
            return ("only in the current data: the reference has no such column", false);
        }

        if (c is null)
        {
            return ("only in the reference: the current data have no such column", false);
        }

        if (r.Problem is { } rp)
        {
            return ($"reference: {rp}", false);
        }

        if (c.Problem is { } cp)
        {
            return ($"current: {cp}", false);
        }

        switch (r.Type)
        {
            case ColumnType.Identifier:
                return ($"an identifier: {r.TypeReason}", true);
            case ColumnType.Empty:
                return ($"the reference has no values: {r.TypeReason}", false);
            case ColumnType.Mixed:
                return (r.TypeReason, false);
            case ColumnType.Text when mode == DriftMode.Evidently:
                return (EvidentlyText, false);
            case ColumnType.Datetime when mode == DriftMode.Evidently:
                return ("datetime: Evidently's drift preset skips datetime columns", true);
        }

        var hasValues = r.Type switch
        {
            ColumnType.Numeric or ColumnType.Text => (r.Numbers is not null, c.Numbers is not null),
            _ => (r.Categories is { Total: > 0 }, c.Categories is { Total: > 0 }),
        };
        if (!hasValues.Item1)
        {
            return ("the reference has no usable values", false);
        }

        if (!hasValues.Item2)
        {
            var invalid = c.Invalid > 0 ? $" ({Words.Count(c.Invalid)} values do not fit the type {r.Type.ToWord()}, first {c.InvalidExample})" : "";
            return ($"the current data have no usable values{invalid}", false);
        }

        return (null, false);
    }
}
