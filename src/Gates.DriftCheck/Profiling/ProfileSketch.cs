using Gates.Core.Statistics.Drift;

namespace Gates.DriftCheck.Profiling;

/// <summary>
/// The uniform-rank sketch behind saved profiles, merged profiles and columns too long to keep exactly. A
/// distribution with more than <c>points</c> distinct values is replaced by its quantiles at i/K (K = points − 1)
/// with trapezoid weights (half a share at each end), so that its CDF moves by at most 1/K anywhere
/// (<see cref="Shrink"/>); a union of distributions has the weighted mean of their CDFs, so its CDF error is at most
/// the largest of theirs (<see cref="Union"/>). Errors are tracked as bounds on the CDF (the rank error), which is
/// also the bound on the KS distance computed from them.
/// </summary>
internal static class ProfileSketch
{
    public static EmpiricalDistribution Shrink(EmpiricalDistribution d, int points) => Shrink(d, points, 0).Distribution;

    /// <summary>Shrinks when needed and says the CDF error bound after it.</summary>
    public static (EmpiricalDistribution Distribution, double Error) Shrink(EmpiricalDistribution d, int points, double error)
    {
        if (d.Values.Length <= points)
        {
            return (d, error);
        }

        var k = points - 1;
        var share = d.TotalWeight / k;
        var values = new List<double>();
        var weights = new List<double>();
        for (var i = 0; i <= k; i++)
        {
            var q = d.Quantile(i / (double)k);
            var w = i == 0 || i == k ? share / 2 : share;
            if (values.Count > 0 && values[^1] == q)
            {
                weights[^1] += w;
            }
            else
            {
                values.Add(q);
                weights.Add(w);
            }
        }

        return (new EmpiricalDistribution([.. values], [.. weights], d.SampleSize, isExact: false), error + (1.0 / k));
    }

    /// <summary>
    /// All the weight of the given distributions in one (equal values add their weights); exact when all of them
    /// are. The parts are taken in the order given, so callers that want the same bits whatever the order sort first.
    /// </summary>
    public static EmpiricalDistribution Union(IReadOnlyList<EmpiricalDistribution> parts)
    {
        if (parts.Count == 1)
        {
            return parts[0];
        }

        var length = parts.Sum(p => p.Values.Length);
        var values = new double[length];
        var weights = new double[length];
        var at = 0;
        foreach (var p in parts)
        {
            p.Values.CopyTo(values, at);
            p.Weights.CopyTo(weights, at);
            at += p.Values.Length;
        }

        Array.Sort(values, weights);
        var distinct = 0;
        for (var i = 0; i < length; i++)
        {
            if (distinct > 0 && values[distinct - 1] == values[i])
            {
                weights[distinct - 1] += weights[i];
            }
            else
            {
                values[distinct] = values[i];
                weights[distinct] = weights[i];
                distinct++;
            }
        }

        return new EmpiricalDistribution(
            values[..distinct], weights[..distinct], parts.Sum(p => p.SampleSize), parts.All(p => p.IsExact));
    }
}
