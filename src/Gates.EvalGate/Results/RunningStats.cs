using Gates.Core.Metrics;

namespace Gates.EvalGate.Results;

/// <summary>
/// Count, mean and sample standard deviation of a stream of values (Welford), plus the number of ones while
/// every value is 0 or 1, so a rate keeps its successes and n (and a Wilson interval applies).
/// </summary>
internal sealed class RunningStats
{
    private double mean;
    private double m2;

    public long Count { get; private set; }

    public long Ones { get; private set; }

    /// <summary>True while every value added was exactly 0 or 1 (booleans, or 0/1 scores).</summary>
    public bool ZeroOne { get; private set; } = true;

    public void Add(double value)
    {
        Count++;
        var delta = value - mean;
        mean += delta / Count;
        m2 += delta * (value - mean);
        if (value == 1)
        {
            Ones++;
        }
        else if (value != 0)
        {
            ZeroOne = false;
        }
    }

    /// <summary>The observation, or null when there were no values.</summary>
    public MetricObservation? ToObservation(bool? higherIsBetter = null)
    {
        if (Count == 0)
        {
            return null;
        }

        return new MetricObservation(ZeroOne ? (double)Ones / Count : mean)
        {
            N = Count,
            Successes = ZeroOne ? Ones : null,
            StdDev = Count >= 2 ? Math.Sqrt(m2 / (Count - 1)) : null,
            HigherIsBetter = higherIsBetter,
        };
    }
}
