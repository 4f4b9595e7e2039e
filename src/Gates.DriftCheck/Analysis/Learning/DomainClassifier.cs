namespace Gates.DriftCheck.Analysis.Learning;

/// <summary>How the domain classifier is trained and tested.</summary>
internal sealed record DomainClassifierOptions
{
    public int Seed { get; init; } = 42;

    /// <summary>Share of rows held out for the AUC (Evidently: test_size 0.5).</summary>
    public double TestShare { get; init; } = 0.5;
    public int Epochs { get; init; } = 5;
    public double L2 { get; init; } = 1e-4;
    public int Permutations { get; init; } = 1000;
    public double Alpha { get; init; } = 0.05;
}

/// <summary>The held-out ROC AUC of a classifier that tells current rows from reference rows, and its null.</summary>
internal sealed record DomainClassifierResult(double Auc, double PValue, double NullQuantile, int TrainRows, int TestRows, int Permutations);

/// <summary>
/// A classifier two-sample test: rows are labelled reference (false) or current (true), shuffled with a seed and
/// split; a logistic regression learns on one part and scores the other. With no drift the held-out AUC is that of
/// random scores: its null is the AUC over the same scores with the labels permuted.
/// </summary>
internal static class DomainClassifier
{
    public static DomainClassifierResult Run(IFeatureRows rows, bool[] isCurrent, DomainClassifierOptions options)
    {
        var order = Enumerable.Range(0, rows.Count).ToArray();
        new Random(options.Seed).Shuffle(order);
        var testCount = (int)Math.Ceiling(rows.Count * options.TestShare);
        var test = order[..testCount];
        var training = order[testCount..];
        var model = LogisticSgd.Train(rows, training, isCurrent, options.Seed, options.Epochs, options.L2);
        var scores = test.Select(i => model.Score(rows, i)).ToArray();
        var labels = test.Select(i => isCurrent[i]).ToArray();
        var auc = RocAuc.Of(scores, labels);
        var nulls = RocAuc.PermutationNull(scores, labels, options.Permutations, options.Seed + 1);
        var null95 = PermutationNull.Of(auc, nulls, options.Alpha);
        return new DomainClassifierResult(auc, null95.PValue, null95.Quantile, training.Length, test.Length, options.Permutations);
    }
}
