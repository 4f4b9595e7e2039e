namespace Gates.Core.Statistics.Drift;

/// <summary>Count, mean and sum of squared deviations of a sample; mergeable (Chan et al.).</summary>
public readonly record struct Moments(long Count, double Mean, double SumOfSquares)
{
    /// <summary>Standard deviation with divisor n (numpy's np.std default, Evidently's normaliser).</summary>
    public double PopulationStandardDeviation => Count == 0 ? double.NaN : Math.Sqrt(SumOfSquares / Count);

    /// <summary>Standard deviation with divisor n − 1.</summary>
    public double SampleStandardDeviation => Count < 2 ? double.NaN : Math.Sqrt(SumOfSquares / (Count - 1));

    /// <summary>Two passes over the values: the mean first, then the squared deviations.</summary>
    public static Moments Of(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return default;
        }

        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        var mean = sum / values.Length;
        var squares = 0.0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        return new Moments(values.Length, mean, squares);
    }

    /// <summary>Moments of a distribution from its distinct values and weights.</summary>
    public static Moments Of(EmpiricalDistribution distribution)
    {
        if (distribution.IsEmpty)
        {
            return default;
        }

        var sum = 0.0;
        for (var i = 0; i < distribution.Values.Length; i++)
        {
            sum += distribution.Values[i] * distribution.Weights[i];
        }

        var mean = sum / distribution.TotalWeight;
        var squares = 0.0;
        for (var i = 0; i < distribution.Values.Length; i++)
        {
            var d = distribution.Values[i] - mean;
            squares += d * d * distribution.Weights[i];
        }

        return new Moments(distribution.SampleSize, mean, squares * distribution.SampleSize / distribution.TotalWeight);
    }

    public Moments Combine(Moments other)
    {
        if (Count == 0)
        {
            return other;
        }

        if (other.Count == 0)
        {
            return this;
        }

        var n = Count + other.Count;
        var delta = other.Mean - Mean;
        var mean = Mean + (delta * other.Count / n);
        var squares = SumOfSquares + other.SumOfSquares + (delta * delta * Count * other.Count / n);
        return new Moments(n, mean, squares);
    }
}
