using Gates.DriftCheck.Analysis.Learning;
using Gates.DriftCheck.Config;
using Gates.DriftCheck.Profiling;

namespace Gates.DriftCheck.Analysis;

/// <summary>
/// Text columns beyond their lengths: four descriptors per value (length, word count, non-letter share,
/// out-of-vocabulary share), each compared as a numeric column is in the run's mode, and a domain classifier on hashed
/// n-grams. Default mode: the column drifts when the classifier or a descriptor does. Evidently mode: the classifier
/// decides, with Evidently's rule (abs_text_content_drift, AUC &gt; 0.55, for more than 1,000 reference rows;
/// perc_text_content_drift, AUC above the 95th percentile of random classifiers, otherwise), as its preset does.
/// </summary>
internal static class TextAnalysis
{
    public const int MinimumRows = 10;

    public static ColumnResult Compare(ColumnResult column, IReadOnlyList<string> reference, IReadOnlyList<string> current, long referenceRows, DriftSettings s)
    {
        var seed = 42;
        var (refValues, curValues, vocabulary) = TextDescriptors.Of(reference, current, seed);
        var descriptors = TextDescriptors.Names.Select(n => Descriptor(column.Name, n, refValues[n], curValues[n], s)).OfType<MethodResult>().ToList();
        var classifier = reference.Count >= MinimumRows && current.Count >= MinimumRows ? Classifier(column.Name, reference, current, referenceRows, s) : null;
        var text = new TextDrift(reference.Count, current.Count, vocabulary, descriptors, classifier);
        var notes = column.Notes.ToList();
        notes.Add($"text: {Words.Count(reference.Count)} reference and {Words.Count(current.Count)} current values sampled (cap {Words.Count(s.Text.SampleRows)} a side); " +
            $"vocabulary {Words.Count(vocabulary)} words from half of the reference sample");
        if (classifier is null)
        {
            notes.Add($"domain classifier: fewer than {MinimumRows} values on a side");
        }

        if (s.Mode == DriftMode.Evidently)
        {
            return classifier is null
                ? column with { Text = text, Notes = notes }
                : column with
                {
                    Text = text,
                    Notes = notes,
                    Status = classifier.Drift ? ColumnStatus.Drift : ColumnStatus.NoDrift,
                    Reason = classifier.Words,
                    Method = classifier.Method,
                    StatisticName = classifier.StatisticName,
                    Statistic = classifier.Statistic,
                    Threshold = classifier.Threshold,
                    DriftWhen = "gte",
                    PValue = classifier.PValue,
                    ReferenceCount = referenceRows,
                    Expected = false,
                };
        }

        var drifted = text.All.Where(m => m.Drift).ToList();
        if (drifted.Count == 0)
        {
            return column with { Text = text, Notes = notes };
        }

        return column with
        {
            Text = text,
            Notes = notes,
            Status = ColumnStatus.Drift,
            Reason = string.Join("; ", drifted.Select(m => $"{m.Name}: {m.Words}")),
        };
    }

    private static MethodResult? Descriptor(string column, string name, double[] reference, double[] current, DriftSettings s)
    {
        if (reference.Length < 2 || current.Length < 1)
        {
            return null;
        }

        var r = Profile(column, reference);
        var c = Profile(column, current);
        if (s.Mode == DriftMode.Evidently)
        {
            var e = EvidentlyMode.Compare(name, r, c, new ColumnSettings());
            return new MethodResult
            {
                Name = name,
                Method = e.Method!,
                StatisticName = e.StatisticName!,
                Statistic = e.Statistic ?? double.NaN,
                Threshold = e.Threshold ?? double.NaN,
                PValue = e.PValue,
                Drift = e.Status == ColumnStatus.Drift,
                Words = $"{e.Effect}: {e.Reason}",
                Histogram = e.Histogram,
            };
        }

        var m = NumericMeasure.Measure(r.Numbers!, c.Numbers!, s.NumericEffect, s);
        var (status, reason) = DefaultMode.Decide(m, m.PValue, s);
        return new MethodResult
        {
            Name = name,
            Method = m.Method,
            StatisticName = m.EffectName,
            Statistic = m.Effect,
            Threshold = m.EffectThreshold,
            PValue = m.PValue,
            Drift = status == ColumnStatus.Drift,
            Words = $"{m.Words}: {reason}",
            Histogram = m.Histogram,
            Metrics = m.Metrics,
        };
    }

    private static ColumnProfile Profile(string column, double[] values) => new()
    {
        Name = column,
        Type = ColumnType.Numeric,
        TypeReason = "text descriptor",
        Rows = values.Length,
        Missing = 0,
        Numbers = ProfileBuilder.Numeric(Sketch(values)),
    };

    private static NumberSketch Sketch(double[] values)
    {
        var sketch = new NumberSketch(NumberSketch.DefaultExactLimit);
        foreach (var value in values)
        {
            sketch.Add(value);
        }

        return sketch;
    }

    private static MethodResult Classifier(string column, IReadOnlyList<string> reference, IReadOnlyList<string> current, long referenceRows, DriftSettings s)
    {
        var rows = new SparseRows([.. reference.Concat(current).Select(t => HashedText.Features(t))], 1 << HashedText.DefaultBits);
        var labels = reference.Select(_ => false).Concat(current.Select(_ => true)).ToArray();
        var (method, threshold) = s.Evidently?.Methods is { } m && s.Mode == DriftMode.Evidently
            ? s.Evidently.ColumnMethods.TryGetValue(column, out var own) ? own : m.For(column, "text")
            : default;
        var percentile = s.Mode == DriftMode.Evidently && (method == "perc_text_content_drift" || (method is null && referenceRows <= 1000));
        var alpha = percentile ? 1 - (threshold ?? 0.95) : s.Alpha;
        var result = DomainClassifier.Run(rows, labels, new DomainClassifierOptions { Permutations = s.Text.Permutations, Alpha = alpha });
        var described = "logistic regression (SGD, seed 42) on hashed word 1–2-grams and character 3-grams, half the rows held out";
        var metrics = new Dictionary<string, double>
        {
            ["roc_auc"] = result.Auc,
            ["null_quantile"] = result.NullQuantile,
            ["p_value"] = result.PValue,
            ["train_rows"] = result.TrainRows,
            ["test_rows"] = result.TestRows,
        };
        if (s.Mode == DriftMode.Evidently)
        {
            var limit = percentile ? result.NullQuantile : threshold ?? 0.55;
            var name = percentile ? "perc_text_content_drift" : "abs_text_content_drift";
            var drift = result.Auc > limit;
            return new MethodResult
            {
                Name = "domain classifier",
                Method = $"{name}: {described}",
                StatisticName = "roc_auc",
                Statistic = result.Auc,
                Threshold = limit,
                PValue = result.PValue,
                Drift = drift,
                Words = $"{name}: ROC AUC {Words.Number(result.Auc)} {(drift ? ">" : "≤")} {Words.Number(limit)}" +
                    (percentile ? $" (the {Words.Percent(1 - alpha)} point of {Words.Count(result.Permutations)} random classifiers)" : ""),
                Metrics = metrics,
            };
        }

        var significant = result.PValue < s.Alpha;
        var large = result.Auc >= s.Text.Auc;
        return new MethodResult
        {
            Name = "domain classifier",
            Method = described,
            StatisticName = "roc_auc",
            Statistic = result.Auc,
            Threshold = s.Text.Auc,
            PValue = result.PValue,
            Drift = significant && large,
            Words = $"held-out ROC AUC {Words.Number(result.Auc)} (threshold {Words.Number(s.Text.Auc)}, permutation p = {Words.PValue(result.PValue)}" +
                $", null 95% point {Words.Number(result.NullQuantile)})",
            Metrics = metrics,
        };
    }
}
