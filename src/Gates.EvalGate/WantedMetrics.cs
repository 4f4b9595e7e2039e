using Gates.Core.Thresholds;

namespace Gates.EvalGate;

/// <summary>The metric names a threshold file needs, so streaming readers aggregate only those.</summary>
internal static class WantedMetrics
{
    public const string DeltaSuffix = "_delta_vs_baseline";

    public static IReadOnlySet<string> For(ThresholdSet thresholds)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var gate in thresholds.Gates)
        {
            names.Add(gate.Metric);
            if (gate.Metric.EndsWith(DeltaSuffix, StringComparison.Ordinal))
            {
                names.Add(gate.Metric[..^DeltaSuffix.Length]);
            }
        }

        return names;
    }

    /// <summary>
    /// The metrics a baseline comparison may pair item by item: those of delta gates, and the base of a
    /// <c>name_delta_vs_baseline</c> gate (compared with the baseline when the results have no such metric).
    /// </summary>
    public static IReadOnlySet<string> Paired(ThresholdSet thresholds)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var gate in thresholds.Gates)
        {
            if (gate.Delta is not null)
            {
                names.Add(gate.Metric);
            }
            else if (gate.Metric.EndsWith(DeltaSuffix, StringComparison.Ordinal))
            {
                names.Add(gate.Metric[..^DeltaSuffix.Length]);
            }
        }

        return names;
    }
}
