namespace Gates.Core.Statistics.Drift;

/// <summary>
/// Bins cut at reference quantiles (deciles for 10 bins, numpy's linear definition), with open outer bins so that
/// every current value falls in one. Bins are closed on the right: (e[i−1], e[i]]. Repeated edges (ties in the
/// reference) are merged, so a bin may hold more than its nominal share.
/// </summary>
public sealed record QuantileBins(double[] Edges)
{
    public int Count => Edges.Length + 1;

    public static QuantileBins FromReference(EmpiricalDistribution reference, int bins)
    {
        if (bins < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(bins), "at least two bins");
        }

        var edges = new List<double>();
        for (var i = 1; i < bins; i++)
        {
            var edge = reference.Quantile(i / (double)bins);
            if (edges.Count == 0 || edge > edges[^1])
            {
                edges.Add(edge);
            }
        }

        return new QuantileBins([.. edges]);
    }

    /// <summary>Weight of the distribution in each bin.</summary>
    public double[] Counts(EmpiricalDistribution distribution)
    {
        var counts = new double[Count];
        var below = 0.0;
        for (var i = 0; i < Edges.Length; i++)
        {
            var upTo = distribution.CumulativeWeight(Edges[i]);
            counts[i] = upTo - below;
            below = upTo;
        }

        counts[^1] = distribution.TotalWeight - below;
        return counts;
    }

    /// <summary>Index of the bin holding <paramref name="x"/>.</summary>
    public int BinOf(double x)
    {
        var index = Array.BinarySearch(Edges, x);
        return index >= 0 ? index : ~index;
    }
}
