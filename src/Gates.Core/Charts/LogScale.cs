namespace Gates.Core.Charts;

/// <summary>
/// A base-10 logarithmic axis from <see cref="Min"/> to <see cref="Max"/> (both positive). Ticks at every power of ten,
/// with 2 and 5 between them when the axis spans fewer than three decades. Zero and negative values cannot be placed.
/// </summary>
public sealed record LogScale : Scale
{
    public LogScale(double min, double max)
    {
        if (!(min > 0) || !double.IsFinite(min))
        {
            min = 1;
        }

        if (!(max > min) || !double.IsFinite(max))
        {
            max = min * 10;
        }

        Min = min;
        Max = max;
    }

    public double Min { get; }
    public double Max { get; }

    public override double Fraction(double value) =>
        value > 0 && double.IsFinite(value) ? (Math.Log10(value) - Math.Log10(Min)) / (Math.Log10(Max) - Math.Log10(Min)) : double.NaN;

    protected override IReadOnlyList<Tick> ComputedTicks()
    {
        var low = (int)Math.Floor(Math.Log10(Min));
        var high = (int)Math.Ceiling(Math.Log10(Max));
        var steps = Math.Log10(Max / Min) < 3 ? new[] { 1.0, 2, 5 } : [1.0];
        var ticks = new List<Tick>();
        for (var power = low; power <= high && ticks.Count < 60; power++)
        {
            foreach (var step in steps)
            {
                var value = step * Math.Pow(10, power);
                if (value >= Min * (1 - 1e-9) && value <= Max * (1 + 1e-9))
                {
                    ticks.Add(new Tick(value, SvgText.Number(value)));
                }
            }
        }

        return ticks;
    }
}
