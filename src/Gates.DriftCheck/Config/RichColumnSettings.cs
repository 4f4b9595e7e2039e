namespace Gates.DriftCheck.Config;

/// <summary>The <c>drift.text:</c> settings: how text columns are sampled and when their classifier drifts.</summary>
internal sealed record TextDriftSettings
{
    /// <summary>Rows of each text column kept per side (a seeded reservoir sample); descriptors and the classifier use it.</summary>
    public int SampleRows { get; init; } = 10_000;

    /// <summary>The held-out ROC AUC at or above which the domain classifier counts as drift (with p &lt; alpha).</summary>
    public double Auc { get; init; } = 0.55;

    public int Permutations { get; init; } = 1000;
}

/// <summary>The <c>drift.embeddings:</c> settings.</summary>
internal sealed record EmbeddingDriftSettings
{
    /// <summary>Vectors kept per side for the classifier (a seeded reservoir sample); the centroids use every row.</summary>
    public int SampleRows { get; init; } = 20_000;

    /// <summary>Vectors per side for MMD and the centroid permutation test (the kernel matrix is (2n)²).</summary>
    public int MmdRows { get; init; } = 1_000;

    public int Permutations { get; init; } = 200;

    public double Auc { get; init; } = 0.55;

    /// <summary>Unbiased MMD² at or above which MMD counts as drift (Evidently's mmd threshold).</summary>
    public double Mmd { get; init; } = 0.015;

    /// <summary>Cosine distance between the centroids at or above which it counts as drift.</summary>
    public double Cosine { get; init; } = 0.05;
}

/// <summary>
/// An embedding column: a list column (JSON lines array, Parquet list) named <see cref="Name"/>, or with
/// <see cref="Prefix"/> the numeric columns prefix0..prefixN of a CSV file.
/// </summary>
internal sealed record EmbeddingColumn(string Name, string? Prefix, bool Critical);
