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
}
