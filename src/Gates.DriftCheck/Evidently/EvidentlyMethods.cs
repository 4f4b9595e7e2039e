using Gates.Core.Statistics.Drift;
using Gates.DriftCheck.Analysis;
using Gates.DriftCheck.Profiling;

namespace Gates.DriftCheck.Evidently;

/// <summary>
/// The drift methods a config may name (Evidently's stattest names), each with Evidently's default threshold and
/// direction: p-values drift below the threshold (ks at or below), distances at or above it. PSI, KL and
/// Jensen–Shannon bin numeric columns with more than 20 distinct reference values into Sturges bins over both
/// samples, and use value shares otherwise; PSI and KL replace empty bins by 0.0001 as Evidently does.
/// </summary>
internal static class EvidentlyMethods
{
    private static readonly Dictionary<string, (string Display, double Threshold, string When)> Known = new(StringComparer.Ordinal)
    {
        ["ks"] = ("ks", 0.05, "lte"),
        ["chisquare"] = ("chi-square (goodness of fit)", 0.05, "lt"),
        ["z"] = ("z-test", 0.05, "lt"),
        ["wasserstein"] = ("wasserstein (normed)", 0.1, "gte"),
        ["jensenshannon"] = ("jensen-shannon (base e)", 0.1, "gte"),
        ["psi"] = ("psi", 0.1, "gte"),
        ["kl_div"] = ("kl divergence", 0.1, "gte"),
    };

    public static IEnumerable<string> Names => Known.Keys;

    public static bool IsKnown(string name) => Known.ContainsKey(name);

    /// <summary>The method's score on the two columns, its threshold (given or default) and direction.</summary>
    public static (string Test, double Score, double Threshold, string When, bool Drift) Run(
        string method, double? threshold, ColumnProfile r, ColumnProfile c, Dictionary<string, double> refCounts, Dictionary<string, double> curCounts, bool numeric)
    {
        var (display, defaultThreshold, when) = Known[method];
        var limit = threshold ?? defaultThreshold;
        var score = method switch
        {
            "ks" when numeric => KolmogorovSmirnovTest.Test(r.Numbers!.Distribution, c.Numbers!.Distribution).PValue,
            "wasserstein" when numeric => EvidentlyMode.Wasserstein(r.Numbers!, c.Numbers!),
            "ks" or "wasserstein" => throw new Core.GateInputException($"column '{r.Name}': method '{method}' needs a numeric column, and it is {r.Type.ToWord()}"),
            "chisquare" => EvidentlyMode.ChiSquare(refCounts, curCounts),
            "z" => EvidentlyMode.ZTest(refCounts, curCounts),
            _ => Binned(method, r, c, refCounts, curCounts, numeric),
        };
        var drift = when switch { "lte" => score <= limit, "lt" => score < limit, _ => score >= limit };
        return (display, score, limit, when, drift);
    }

    private static double Binned(string method, ColumnProfile r, ColumnProfile c, Dictionary<string, double> refCounts, Dictionary<string, double> curCounts, bool numeric)
    {
        var (p, q) = numeric && refCounts.Count > 20 ? Sturges(r.Numbers!.Distribution, c.Numbers!.Distribution) : Shares(refCounts, curCounts);
        if (method == "jensenshannon")
        {
            return Divergences.JensenShannon(p, q, Math.E);
        }

        p = FillZeroes(p);
        q = FillZeroes(q);
        if (method == "kl_div")
        {
            var (sp, sq) = (p.Sum(), q.Sum());
            return p.Select((v, i) => v / sp * Math.Log(v / sp / (q[i] / sq))).Sum();
        }

        return p.Select((v, i) => (v - q[i]) * Math.Log(v / q[i])).Sum();
    }

    private static (double[], double[]) Shares(Dictionary<string, double> r, Dictionary<string, double> c)
    {
        var keys = r.Keys.Union(c.Keys).ToList();
        var (nr, nc) = (r.Values.Sum(), c.Values.Sum());
        return ([.. keys.Select(k => r.GetValueOrDefault(k) / nr)], [.. keys.Select(k => c.GetValueOrDefault(k) / nc)]);
    }

    /// <summary>numpy's "sturges" bin edges over both samples: ceil(log2 n) + 1 equal bins, the last one closed.</summary>
    public static (double[], double[]) Sturges(EmpiricalDistribution r, EmpiricalDistribution c)
    {
        var n = r.TotalWeight + c.TotalWeight;
        var bins = (int)Math.Ceiling(Math.Log2(n)) + 1;
        var min = Math.Min(r.Values[0], c.Values[0]);
        var max = Math.Max(r.Values[^1], c.Values[^1]);
        return (Histogram(r, min, max, bins), Histogram(c, min, max, bins));
    }

    private static double[] Histogram(EmpiricalDistribution d, double min, double max, int bins)
    {
        var shares = new double[bins];
        var width = (max - min) / bins;
        for (var i = 0; i < d.Values.Length; i++)
        {
            var bin = width <= 0 ? 0 : (int)Math.Min(bins - 1, Math.Floor((d.Values[i] - min) / width));
            shares[bin] += d.Weights[i] / d.TotalWeight;
        }

        return shares;
    }

    /// <summary>Evidently's "feel zeroes": empty bins get 0.0001, or a millionth of the smallest share when that is smaller.</summary>
    private static double[] FillZeroes(double[] shares)
    {
        var smallest = shares.Where(s => s > 0).DefaultIfEmpty(1).Min();
        var fill = smallest <= 0.0001 ? smallest / 1e6 : 0.0001;
        return [.. shares.Select(s => s == 0 ? fill : s)];
    }
}
