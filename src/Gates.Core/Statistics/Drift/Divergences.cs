namespace Gates.Core.Statistics.Drift;

/// <summary>Distances between two distributions given as shares (or counts) over the same bins.</summary>
public static class Divergences
{
    /// <summary>
    /// Jensen–Shannon distance: √((KL(p‖m) + KL(q‖m)) / 2) with m = (p + q)/2, after normalising both to sum 1
    /// (scipy.spatial.distance.jensenshannon). Base 2 gives a value in [0, 1]; base e (scipy's default, and
    /// Evidently's) in [0, √ln 2].
    /// </summary>
    public static double JensenShannon(IReadOnlyList<double> p, IReadOnlyList<double> q, double logBase = 2)
    {
        var sp = p.Sum();
        var sq = q.Sum();
        var total = 0.0;
        for (var i = 0; i < p.Count; i++)
        {
            var a = p[i] / sp;
            var b = q[i] / sq;
            var m = (a + b) / 2;
            total += RelativeEntropy(a, m) + RelativeEntropy(b, m);
        }

        var js = total / 2 / Math.Log(logBase);
        return Math.Sqrt(Math.Max(js, 0));
    }

    /// <summary>
    /// Population stability index Σ (r − c)·ln(r / c) over bins, on shares. Shares of zero are replaced by
    /// <paramref name="smoothing"/> first (on both sides, without renormalising), so an empty bin contributes a
    /// large but finite amount.
    /// </summary>
    public static double PopulationStabilityIndex(IReadOnlyList<double> reference, IReadOnlyList<double> current, double smoothing)
    {
        var sr = reference.Sum();
        var sc = current.Sum();
        var psi = 0.0;
        for (var i = 0; i < reference.Count; i++)
        {
            var r = reference[i] / sr;
            var c = current[i] / sc;
            r = r == 0 ? smoothing : r;
            c = c == 0 ? smoothing : c;
            psi += (r - c) * Math.Log(r / c);
        }

        return psi;
    }

    /// <summary>
    /// First Wasserstein distance ∫ |F_a(x) − F_b(x)| dx between two empirical distributions
    /// (scipy.stats.wasserstein_distance), in the units of the values.
    /// </summary>
    public static double Wasserstein(EmpiricalDistribution a, EmpiricalDistribution b)
    {
        int i = 0, j = 0;
        double ca = 0, cb = 0, total = 0;
        var previous = double.NaN;
        while (i < a.Values.Length || j < b.Values.Length)
        {
            var x = j >= b.Values.Length || (i < a.Values.Length && a.Values[i] <= b.Values[j]) ? a.Values[i] : b.Values[j];
            if (!double.IsNaN(previous))
            {
                total += Math.Abs((ca / a.TotalWeight) - (cb / b.TotalWeight)) * (x - previous);
            }

            while (i < a.Values.Length && a.Values[i] <= x)
            {
                ca = a.CumulativeAt(i++);
            }

            while (j < b.Values.Length && b.Values[j] <= x)
            {
                cb = b.CumulativeAt(j++);
            }

            previous = x;
        }

        return total;
    }

    private static double RelativeEntropy(double x, double y) => x > 0 ? x * Math.Log(x / y) : 0;
}
