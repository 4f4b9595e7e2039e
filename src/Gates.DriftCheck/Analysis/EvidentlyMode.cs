using System.Globalization;
using Gates.Core.Statistics.Drift;
using Gates.DriftCheck.Config;
using Gates.DriftCheck.Profiling;

namespace Gates.DriftCheck.Analysis;

/// <summary>
/// Evidently's DataDriftPreset defaults (0.7): the test is chosen from the column type, the reference size (non-missing
/// rows, ≤ 1000 or more) and the distinct values of both sides; each test keeps its own threshold and comparison
/// (KS p ≤ 0.05, chi-square and z p &lt; 0.05, Jensen–Shannon in natural log ≥ 0.1, Wasserstein / population sd
/// ≥ 0.1). Kept quirks: chi-square is goodness of fit against the reference (an unseen category gives p = 0, a
/// constant column NaN and no drift), Jensen–Shannon uses base e, the current size is ignored.
/// </summary>
internal static class EvidentlyMode
{
    public static ColumnResult Compare(string name, ColumnProfile r, ColumnProfile c, ColumnSettings column, (string? Method, double? Threshold) choice = default)
    {
        var (refCounts, curCounts, numeric) = Counts(r, c);
        var nRef = (long)refCounts.Values.Sum();
        var unique = refCounts.Keys.Union(curCounts.Keys).Count();
        var small = nRef <= 1000;
        var limit = choice.Threshold ?? column.Effect;
        var (test, score, threshold, when, drift) = (numeric, small, unique) switch
        {
            _ when choice.Method is { } method => Evidently.EvidentlyMethods.Run(method, limit, r, c, refCounts, curCounts, numeric),
            (_, true, <= 2) => PTest("z-test", ZTest(refCounts, curCounts), limit ?? 0.05, lessOrEqual: false),
            (false, true, _) or (true, true, <= 5) => PTest("chi-square (goodness of fit)", ChiSquare(refCounts, curCounts), limit ?? 0.05, lessOrEqual: false),
            (true, true, _) => PTest("ks", KolmogorovSmirnovTest.Test(r.Numbers!.Distribution, c.Numbers!.Distribution).PValue, limit ?? 0.05, lessOrEqual: true),
            (true, false, > 5) => Distance("wasserstein (normed)", Wasserstein(r.Numbers!, c.Numbers!), limit ?? 0.1),
            _ => Distance("jensen-shannon (base e)", Divergences.JensenShannon(
                [.. refCounts.Keys.Union(curCounts.Keys).Select(k => refCounts.GetValueOrDefault(k))],
                [.. refCounts.Keys.Union(curCounts.Keys).Select(k => curCounts.GetValueOrDefault(k))], Math.E), limit ?? 0.1),
        };

        var why = (choice.Method is null ? $"reference {Words.Count(nRef)} rows ({(small ? "≤" : ">")} 1000), {Words.Plural(unique, "distinct value", "distinct values")}: "
            : $"method {choice.Method} from the Evidently config: ") +
            $"{test} {Words.Number(score)} {(drift ? "" : "not ")}{Symbol(when)} {Words.Number(threshold)}";
        return new ColumnResult
        {
            Name = name,
            Type = r.Type.ToWord(),
            TypeReason = r.TypeReason,
            Critical = column.Critical,
            Status = drift ? ColumnStatus.Drift : ColumnStatus.NoDrift,
            Reason = why,
            Method = test,
            StatisticName = test,
            Statistic = score,
            Threshold = threshold,
            DriftWhen = when,
            PValue = when == "gte" ? null : score,
            ReferenceCount = nRef,
            CurrentCount = (long)curCounts.Values.Sum(),
            Effect = numeric ? NumericMeasure.Describe(r.Numbers!, c.Numbers!, Shift(r.Numbers!, c.Numbers!), r.Type == ColumnType.Text)
                : CategoricalMeasure.BiggestChange([.. refCounts.Keys.Union(curCounts.Keys)], Fill(refCounts, curCounts), Fill(curCounts, refCounts),
                    nRef, (long)curCounts.Values.Sum()).Insert(0, name + "="),
            Histogram = numeric ? Histograms.Numeric(r.Numbers!.Distribution, c.Numbers!.Distribution) : Histograms.Categorical(refCounts, curCounts),
            Metrics = new Dictionary<string, double> { [Metric(test)] = score },
        };
    }

    private static (string, double, double, string, bool) PTest(string test, double p, double threshold, bool lessOrEqual) =>
        (test, p, threshold, lessOrEqual ? "lte" : "lt", lessOrEqual ? p <= threshold : p < threshold);

    private static (string, double, double, string, bool) Distance(string test, double value, double threshold) =>
        (test, value, threshold, "gte", value >= threshold);

    private static string Symbol(string when) => when switch { "lte" => "≤", "lt" => "<", _ => "≥" };

    private static string Metric(string test) => test switch
    {
        "ks" => "ks_p_value",
        "z-test" => "z_p_value",
        "wasserstein (normed)" => "wasserstein_norm",
        "psi" => "psi",
        "kl divergence" => "kl_div",
        "jensen-shannon (base e)" => "jensen_shannon_e",
        _ => "chi_square_p_value",
    };

    /// <summary>Value counts of both sides: numbers keyed by their value, categories by name.</summary>
    private static (Dictionary<string, double>, Dictionary<string, double>, bool Numeric) Counts(ColumnProfile r, ColumnProfile c)
    {
        if (r.Type is ColumnType.Numeric or ColumnType.Text)
        {
            return (FromDistribution(r.Numbers!.Distribution), FromDistribution(c.Numbers!.Distribution), true);
        }

        return (r.Categories!.Counts.ToDictionary(e => e.Key, e => (double)e.Value), c.Categories!.Counts.ToDictionary(e => e.Key, e => (double)e.Value), false);
    }

    private static Dictionary<string, double> FromDistribution(EmpiricalDistribution d) =>
        Enumerable.Range(0, d.Values.Length).ToDictionary(i => d.Values[i].ToString("R", CultureInfo.InvariantCulture), i => d.Weights[i]);

    private static Dictionary<string, double> Fill(Dictionary<string, double> a, Dictionary<string, double> b) =>
        a.Keys.Union(b.Keys).ToDictionary(k => k, k => a.GetValueOrDefault(k));

    /// <summary>Z-test on the share of the first category (in sorted order); one value on both sides gives p = 1.</summary>
    internal static double ZTest(Dictionary<string, double> r, Dictionary<string, double> c)
    {
        var keys = r.Keys.Union(c.Keys).Order(StringComparer.Ordinal).ToList();
        return TwoProportionZTest.Test(r.GetValueOrDefault(keys[0]), r.Values.Sum(), c.GetValueOrDefault(keys[0]), c.Values.Sum()).PValue;
    }

    /// <summary>Goodness of fit of the current counts to the reference shares scaled to the current total.</summary>
    internal static double ChiSquare(Dictionary<string, double> r, Dictionary<string, double> c)
    {
        var keys = r.Keys.Union(c.Keys).ToList();
        var scale = c.Values.Sum() / r.Values.Sum();
        return ChiSquareTest.GoodnessOfFit([.. keys.Select(k => c.GetValueOrDefault(k))], [.. keys.Select(k => r.GetValueOrDefault(k) * scale)]).PValue;
    }

    internal static double Wasserstein(NumericSummary r, NumericSummary c) =>
        Divergences.Wasserstein(r.Distribution, c.Distribution) / Math.Max(r.Moments.PopulationStandardDeviation, 0.001);

    private static double Shift(NumericSummary r, NumericSummary c) =>
        (c.Moments.Mean - r.Moments.Mean) / Math.Max(r.Moments.PopulationStandardDeviation, 1e-300);
}
