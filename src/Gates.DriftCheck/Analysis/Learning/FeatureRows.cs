namespace Gates.DriftCheck.Analysis.Learning;

/// <summary>Rows of features for a linear model: a dot product with weights, and adding a scaled row to weights.</summary>
internal interface IFeatureRows
{
    int Count { get; }

    int Dimension { get; }

    /// <summary>Mean squared norm of a row (sets the SGD step size).</summary>
    double MeanSquaredNorm { get; }

    double Dot(int row, double[] weights);

    void AddTo(int row, double[] weights, double scale);
}

/// <summary>Sparse rows (hashed n-grams): indices and values.</summary>
internal sealed class SparseRows(IReadOnlyList<SparseVector> rows, int dimension) : IFeatureRows
{
    public int Count => rows.Count;

    public int Dimension => dimension;

    public double MeanSquaredNorm { get; } = rows.Count == 0 ? 1 : rows.Average(r => r.Values.Sum(v => (double)v * v));

    public double Dot(int row, double[] weights)
    {
        var r = rows[row];
        var sum = 0.0;
        for (var k = 0; k < r.Indices.Length; k++)
        {
            sum += weights[r.Indices[k]] * r.Values[k];
        }

        return sum;
    }

    public void AddTo(int row, double[] weights, double scale)
    {
        var r = rows[row];
        for (var k = 0; k < r.Indices.Length; k++)
        {
            weights[r.Indices[k]] += scale * r.Values[k];
        }
    }
}

/// <summary>A sparse feature vector with sorted, distinct indices.</summary>
internal sealed record SparseVector(int[] Indices, float[] Values);

/// <summary>Dense rows (embeddings), standardised per dimension by the mean and spread of all rows.</summary>
internal sealed class DenseRows : IFeatureRows
{
    private readonly IReadOnlyList<float[]> rows;
    private readonly double[] mean;
    private readonly double[] inverseSd;

    public DenseRows(IReadOnlyList<float[]> rows, int dimension)
    {
        this.rows = rows;
        Dimension = dimension;
        mean = new double[dimension];
        var squares = new double[dimension];
        foreach (var row in rows)
        {
            for (var j = 0; j < dimension; j++)
            {
                mean[j] += row[j];
                squares[j] += (double)row[j] * row[j];
            }
        }

        inverseSd = new double[dimension];
        var n = Math.Max(rows.Count, 1);
        for (var j = 0; j < dimension; j++)
        {
            mean[j] /= n;
            var variance = (squares[j] / n) - (mean[j] * mean[j]);
            inverseSd[j] = variance > 1e-24 ? 1 / Math.Sqrt(variance) : 0;
        }

        MeanSquaredNorm = Math.Max(inverseSd.Count(v => v > 0), 1);
    }

    public int Count => rows.Count;

    public int Dimension { get; }

    public double MeanSquaredNorm { get; }

    public double Dot(int row, double[] weights)
    {
        var r = rows[row];
        var sum = 0.0;
        for (var j = 0; j < r.Length; j++)
        {
            sum += weights[j] * (r[j] - mean[j]) * inverseSd[j];
        }

        return sum;
    }

    public void AddTo(int row, double[] weights, double scale)
    {
        var r = rows[row];
        for (var j = 0; j < r.Length; j++)
        {
            weights[j] += scale * (r[j] - mean[j]) * inverseSd[j];
        }
    }
}
