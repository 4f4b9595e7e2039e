using Gates.Core.Results;

namespace Gates.Core.Statistics;

/// <summary>
/// A paired comparison of two models on the same <see cref="N"/> items. <see cref="B"/> items only the baseline got
/// right, <see cref="C"/> items only the current model got right.
/// </summary>
public sealed record McNemarResult
{
    public required long B { get; init; }
    public required long C { get; init; }
    public required long N { get; init; }

    /// <summary>Current minus baseline accuracy: (C − B) / N.</summary>
    public required double Difference { get; init; }

    /// <summary>Interval for <see cref="Difference"/> (see <see cref="IntervalMethod"/>).</summary>
    public required Interval Interval { get; init; }

    public required string IntervalMethod { get; init; }

    /// <summary>Two-sided p-value for "no difference" (see <see cref="Method"/>).</summary>
    public required double PValue { get; init; }

    /// <summary>How <see cref="PValue"/> was computed.</summary>
    public required string Method { get; init; }
}
