namespace Gates.Core.Statistics.Drift;

/// <summary>
/// Benjamini–Hochberg adjusted p-values (step-up, false discovery rate): sort ascending, p_(i)·m/i, then the running
/// minimum from the largest down, capped at 1. Kept here for drift-check until the shared Gates.Core version lands.
/// </summary>
public static class DriftFalseDiscovery
{
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[m];
        var running = 1.0;
        for (var rank = m; rank >= 1; rank--)
        {
            var i = order[rank - 1];
            running = Math.Min(running, pValues[i] * m / rank);
            adjusted[i] = Math.Min(running, 1);
        }

        return adjusted;
    }
}
