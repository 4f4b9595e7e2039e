namespace Gates.Core.Statistics.Drift;

/// <summary>
/// A sample as its sorted distinct values and the weight (count) of each. Built from raw values it is exact;
/// built from a quantile sketch the weights are fractional and <see cref="IsExact"/> is false.
/// </summary>
public sealed class EmpiricalDistribution
{
    private readonly double[] cumulative;

    public EmpiricalDistribution(double[] values, double[] weights, long sampleSize, bool isExact)
    {
        if (values.Length != weights.Length)
        {
            throw new ArgumentException("values and weights must have the same length");
        }

        Values = values;
        Weights = weights;
        SampleSize = sampleSize;
        IsExact = isExact;
        cumulative = new double[values.Length];
        var total = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0 && !(values[i] > values[i - 1]))
            {
                throw new ArgumentException("values must be sorted, distinct and finite");
            }

            total += weights[i];
            cumulative[i] = total;
        }

        TotalWeight = total;
    }

    /// <summary>Sorted distinct values.</summary>
    public double[] Values { get; }

    /// <summary>Weight of each value (its count for an exact sample).</summary>
    public double[] Weights { get; }

    /// <summary>Number of observations the distribution stands for (used by tests of significance).</summary>
    public long SampleSize { get; }

    public double TotalWeight { get; }

    public bool IsExact { get; }

    public bool IsEmpty => Values.Length == 0;

    public double Min => Values[0];

    public double Max => Values[^1];

    /// <summary>
    /// Builds an exact distribution from raw values; sorts <paramref name="values"/> in place unless the caller says
    /// they are <paramref name="sorted"/> already. <paramref name="allocate"/> makes its two arrays (distinct values,
    /// weights) when the caller wants them made its own way; they may come uninitialized.
    /// </summary>
    public static EmpiricalDistribution FromValues(double[] values, int count = -1, bool sorted = false, Func<int, double[]>? allocate = null)
    {
        count = count < 0 ? values.Length : count;
        var span = values.AsSpan(0, count);
        if (!sorted)
        {
            span.Sort();
        }

        var distinct = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (!double.IsFinite(span[i]))
            {
                throw new ArgumentException("values must be finite");
            }

            if (i == 0 || span[i] != span[i - 1])
            {
                distinct++;
            }
        }

        allocate ??= length => new double[length];
        var unique = allocate(distinct);
        var weights = allocate(distinct);
        var j = -1;
        for (var i = 0; i < span.Length; i++)
        {
            if (i == 0 || span[i] != span[i - 1])
            {
                unique[++j] = span[i];
                weights[j] = 0;
            }

            weights[j]++;
        }

        return new EmpiricalDistribution(unique, weights, count, isExact: true);
    }

    /// <summary>Cumulative weight of values less than or equal to <paramref name="x"/>.</summary>
    public double CumulativeWeight(double x)
    {
        var index = Array.BinarySearch(Values, x);
        var last = index >= 0 ? index : ~index - 1;
        return last < 0 ? 0 : cumulative[last];
    }

    /// <summary>Share of the weight at values less than or equal to <paramref name="x"/> (right-continuous CDF).</summary>
    public double Cdf(double x) => TotalWeight == 0 ? 0 : CumulativeWeight(x) / TotalWeight;

    /// <summary>Cumulative weight up to and including the i-th distinct value.</summary>
    public double CumulativeAt(int i) => cumulative[i];

    /// <summary>
    /// Quantile with linear interpolation between order statistics (Hyndman–Fan type 7, numpy's default):
    /// position h = (N − 1)·p on the sorted sample.
    /// </summary>
    public double Quantile(double p)
    {
        if (IsEmpty)
        {
            return double.NaN;
        }

        var h = (TotalWeight - 1) * Math.Clamp(p, 0, 1);
        var lower = Math.Floor(h);
        var a = ValueAtRank(lower);
        var b = ValueAtRank(Math.Min(lower + 1, TotalWeight - 1));
        var fraction = h - lower;
        return fraction == 0 ? a : a + (fraction * (b - a));
    }

    /// <summary>The value at 0-based rank r of the expanded sample.</summary>
    private double ValueAtRank(double rank)
    {
        var index = Array.BinarySearch(cumulative, rank + 1);
        var i = index >= 0 ? index : ~index;
        return Values[Math.Min(i, Values.Length - 1)];
    }
}
