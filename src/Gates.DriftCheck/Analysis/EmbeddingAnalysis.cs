using Gates.DriftCheck.Analysis.Learning;
using Gates.DriftCheck.Config;
using Gates.DriftCheck.Data;

namespace Gates.DriftCheck.Analysis;

/// <summary>
/// An embedding column by three methods, each with an effect threshold and a permutation p-value (drift when both
/// agree): a domain classifier (logistic regression on the standardised vectors, held-out ROC AUC), MMD² with an RBF
/// kernel, and the cosine distance between the mean vectors. The column drifts when any of them does.
/// </summary>
internal static class EmbeddingAnalysis
{
    public const int Seed = 42;

    public static ColumnResult Compare(EmbeddingColumn column, EmbeddingCollector reference, EmbeddingCollector current, DriftSettings s)
    {
        var e = s.EmbeddingDrift;
        var dense = new DenseRows([.. reference.Sample.Concat(current.Sample)], reference.Dimension);
        var labels = reference.Sample.Select(_ => false).Concat(current.Sample.Select(_ => true)).ToArray();
        var auc = DomainClassifier.Run(dense, labels, new DomainClassifierOptions { Seed = Seed, Alpha = s.Alpha });
        var mmd = Mmd.Test(reference.Sample, current.Sample, e.MmdRows, e.Permutations, Seed);
        var centroid = CentroidDistance.Test(reference.Mean, current.Mean, reference.Sample, current.Sample, e.MmdRows, e.Permutations, Seed);
        var methods = new List<MethodResult>
        {
            Method("domain classifier", "logistic regression (SGD, seed 42) on standardised vectors, half the rows held out", "roc_auc", auc.Auc, e.Auc, auc.PValue, s,
                $"permutation null 95% point {Words.Number(auc.NullQuantile)}, {Words.Count(auc.TrainRows)} train / {Words.Count(auc.TestRows)} test rows"),
            Method("mmd", $"unbiased MMD², RBF kernel, median-distance bandwidth, {Words.Count(mmd.ReferenceRows)} + {Words.Count(mmd.CurrentRows)} rows", "mmd2", mmd.Mmd2, e.Mmd, mmd.PValue, s,
                $"bandwidth {Words.Number(mmd.Bandwidth)}, {Words.Count(mmd.Permutations)} permutations"),
            Method("centroid cosine distance", "1 − cosine of the mean vectors over every row", "cosine_distance", centroid.Distance, e.Cosine, centroid.PValue, s,
                $"{Words.Count(centroid.Permutations)} permutations on the MMD subsample"),
        };
        var drifted = methods.Where(m => m.Drift).ToList();
        var classifier = methods[0];
        var how = column.Prefix is { } prefix ? $"the columns {prefix}0 … {prefix}{reference.Dimension - 1}" : "a list column";
        return new ColumnResult
        {
            Name = column.Name,
            Type = "embedding",
            TypeReason = $"declared embedding, {how} ({Words.Count(reference.Dimension)} dimensions)",
            Critical = column.Critical,
            Status = drifted.Count > 0 ? ColumnStatus.Drift : ColumnStatus.NoDrift,
            Reason = drifted.Count > 0 ? string.Join("; ", drifted.Select(m => $"{m.Name}: {m.Words}")) : "no method drifted: " + string.Join("; ", methods.Select(m => $"{m.Name}: {m.Words}")),
            Method = "domain classifier + mmd + centroid cosine distance",
            StatisticName = classifier.StatisticName,
            Statistic = classifier.Statistic,
            Threshold = classifier.Threshold,
            DriftWhen = "gte",
            PValue = classifier.PValue,
            ReferenceCount = reference.Rows,
            CurrentCount = current.Rows,
            Effect = $"classifier AUC {Words.Number(auc.Auc)}, MMD² {Words.Number(mmd.Mmd2)}, centroid cosine distance {Words.Number(centroid.Distance)}",
            Notes = [$"embeddings: {Words.Count(reference.Sample.Count)} reference and {Words.Count(current.Sample.Count)} current vectors sampled for the classifier " +
                $"(cap {Words.Count(e.SampleRows)} a side), {Words.Count(mmd.ReferenceRows)} + {Words.Count(mmd.CurrentRows)} for MMD (cap {Words.Count(e.MmdRows)} a side)"],
            Embedding = new EmbeddingDrift(reference.Dimension, reference.Rows, current.Rows, reference.Sample.Count, current.Sample.Count, methods),
        };
    }

    private static MethodResult Method(string name, string method, string statisticName, double value, double threshold, double p, DriftSettings s, string detail)
    {
        var large = value >= threshold;
        var significant = p < s.Alpha;
        var verdict = large && significant ? "≥" : "<";
        var words = large && significant ? $"{Words.Number(value)} ≥ {Words.Number(threshold)} and significant (p = {Words.PValue(p)})"
            : large ? $"{Words.Number(value)} ≥ {Words.Number(threshold)} but not significant (p = {Words.PValue(p)})"
            : $"{Words.Number(value)} {verdict} {Words.Number(threshold)} (p = {Words.PValue(p)})";
        return new MethodResult
        {
            Name = name,
            Method = method,
            StatisticName = statisticName,
            Statistic = value,
            Threshold = threshold,
            PValue = p,
            Drift = large && significant,
            Words = $"{words}; {detail}",
            Metrics = new Dictionary<string, double> { [statisticName] = value, ["p_value"] = p },
        };
    }
}
