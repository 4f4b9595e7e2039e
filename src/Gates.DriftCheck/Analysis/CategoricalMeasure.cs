using Gates.Core.Statistics.Drift;
using Gates.DriftCheck.Config;
using Gates.DriftCheck.Profiling;

namespace Gates.DriftCheck.Analysis;

/// <summary>
/// Default mode for categories: effect = Jensen–Shannon distance (base 2) over all categories, significance =
/// chi-square test of homogeneity on the most frequent categories (the rest pooled), or the two-proportion z-test
/// when there are two categories.
/// </summary>
internal static class CategoricalMeasure
{
    public const string Other = "(other)";

    public static Measurement Measure(CategoryCounts reference, CategoryCounts current, double threshold, DriftSettings s, string prefix = "")
    {
        var keys = reference.Counts.Keys.Union(current.Counts.Keys).ToList();
        var r = keys.ToDictionary(k => k, k => (double)reference.Counts.GetValueOrDefault(k));
        var c = keys.ToDictionary(k => k, k => (double)current.Counts.GetValueOrDefault(k));
        if (reference.Other > 0 || current.Other > 0)
        {
            keys.Add(Other);
            r[Other] = reference.Other;
            c[Other] = current.Other;
        }

        var nR = (long)r.Values.Sum();
        var nC = (long)c.Values.Sum();
        var (first, second) = Pooled(keys, r, c, s.MaxCategories);
        var js = Divergences.JensenShannon(first, second);
        var (tested, testName, p) = Test(first, second);
        var (detectable, needed) = DetectableEffect.Categorical(nR, nC, Math.Max(tested, 2), threshold, s.Alpha, s.Power);
        var words = prefix + BiggestChange(keys, r, c, nR, nC);
        var measurement = new Measurement
        {
            Method = $"jensen-shannon + {testName}",
            EffectName = "jensen_shannon",
            Effect = js,
            EffectThreshold = threshold,
            EffectUnit = "JS distance",
            PValue = p,
            ReferenceCount = nR,
            CurrentCount = nC,
            Words = words,
            DetectableEffect = detectable,
            NeededCurrentRows = needed,
            NeededNote = needed is null ? $"the reference is too small to detect a Jensen–Shannon distance of {Words.Number(threshold)} with any current size" : null,
            Histogram = Histograms.Categorical(r, c),
            Metrics = new()
            {
                ["jensen_shannon"] = js,
                [testName == "z-test" ? "z_p_value" : "chi_square_p_value"] = p,
                ["categories"] = keys.Count,
                ["psi"] = Divergences.PopulationStabilityIndex([.. keys.Select(k => r[k])], [.. keys.Select(k => c[k])], s.PsiSmoothing),
            },
        };

        if (keys.Count > s.MaxCategories)
        {
            measurement.Notes.Add($"{Words.Count(keys.Count)} categories: the {Words.Count(keys.Count - s.MaxCategories + 1)} rarest are pooled into one for the test and the distance (drift.max_categories)");
        }

        return keys.Count == 1
            ? measurement with { Words = $"constant {keys[0]} in both", Decided = (false, $"a single value on both sides ({keys[0]})") }
            : measurement;
    }

    /// <summary>
    /// Counts of both sides over the most frequent categories, the rarer ones pooled into one, so that effect and test
    /// look at the same table and sparse categories do not inflate the distance with sampling noise.
    /// </summary>
    private static (List<double> First, List<double> Second) Pooled(List<string> keys, Dictionary<string, double> r, Dictionary<string, double> c, int max)
    {
        var ordered = keys.OrderByDescending(k => r[k] + c[k]).ThenBy(k => k, StringComparer.Ordinal).ToList();
        var kept = ordered.Take(ordered.Count > max ? max - 1 : max).ToList();
        var first = kept.Select(k => r[k]).ToList();
        var second = kept.Select(k => c[k]).ToList();
        if (kept.Count < ordered.Count)
        {
            var rest = ordered.Skip(kept.Count).ToList();
            first.Add(rest.Sum(k => r[k]));
            second.Add(rest.Sum(k => c[k]));
        }

        return (first, second);
    }

    /// <summary>Chi-square test of homogeneity, or the z-test for two categories.</summary>
    private static (int Categories, string Name, double P) Test(List<double> first, List<double> second)
    {
        if (first.Count == 2)
        {
            var z = TwoProportionZTest.Test(first[0], first.Sum(), second[0], second.Sum());
            return (2, "z-test", z.PValue);
        }

        var chi = ChiSquareTest.Homogeneity(first, second);
        return (first.Count, "chi-square", chi.PValue);
    }

    public static string BiggestChange(List<string> keys, Dictionary<string, double> r, Dictionary<string, double> c, long nR, long nC)
    {
        var key = keys.OrderByDescending(k => Math.Abs((c[k] / Math.Max(nC, 1)) - (r[k] / Math.Max(nR, 1))))
            .ThenBy(k => k, StringComparer.Ordinal).First();
        return $"{key} {Words.Percent(r[key] / Math.Max(nR, 1))} → {Words.Percent(c[key] / Math.Max(nC, 1))}";
    }
}
