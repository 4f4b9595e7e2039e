namespace Gates.DriftCheck.Analysis;

/// <summary>One method's verdict on a text or embedding column (a descriptor, the domain classifier, MMD, centroids).</summary>
internal sealed record MethodResult
{
    public required string Name { get; init; }

    /// <summary>How it was measured, in words ("wasserstein/sd + ks", "logistic regression on hashed n-grams").</summary>
    public required string Method { get; init; }
    public required string StatisticName { get; init; }
    public required double Statistic { get; init; }
    public required double Threshold { get; init; }
    public double? PValue { get; init; }
    public required bool Drift { get; init; }

    /// <summary>The verdict and the change in plain words.</summary>
    public required string Words { get; init; }
    public Histogram? Histogram { get; init; }
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();
}

/// <summary>A text column's descriptors and domain classifier, on samples of both sides.</summary>
internal sealed record TextDrift(int ReferenceSample, int CurrentSample, int VocabularySize, IReadOnlyList<MethodResult> Descriptors, MethodResult? Classifier)
{
    public IEnumerable<MethodResult> All => Classifier is null ? Descriptors : [Classifier, .. Descriptors];
}

/// <summary>An embedding column's domain classifier, MMD and centroid distance.</summary>
internal sealed record EmbeddingDrift(int Dimension, long ReferenceRows, long CurrentRows, int ReferenceSample, int CurrentSample, IReadOnlyList<MethodResult> Methods);
