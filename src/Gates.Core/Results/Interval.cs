namespace Gates.Core.Results;

/// <summary>A two-sided confidence interval at <see cref="Level"/> (0.95 means 95 %).</summary>
public sealed record Interval(double Low, double High, double Level)
{
    public bool Contains(double value) => value >= Low && value <= High;

    public double HalfWidth => (High - Low) / 2;
}
