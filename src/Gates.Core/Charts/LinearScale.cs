namespace Gates.Core.Charts;

/// <summary>A linear axis from <see cref="Min"/> to <see cref="Max"/>, with ticks at round steps (1, 2 or 5 × 10^k).</summary>
public sealed record LinearScale : Scale
{
    public LinearScale(double min, double max)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            (min, max) = (0, 1);
        }

        if (max < min)
        {
            (min, max) = (max, min);
        }

        if (max - min < 1e-12 * Math.Max(1, Math.Abs(max)))
        {
            var pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            (min, max) = (min - pad, max + pad);
        }

        Min = min;
        Max = max;
    }

    public double Min { get; }
    public double Max { get; }

    /// <summary>A scale that holds every finite value given, widened by <paramref name="padding"/> of the span on each side.</summary>
    public static LinearScale Around(IEnumerable<double?> values, double padding = 0.08)
    {
        var finite = values.Where(v => v is { } x && double.IsFinite(x)).Select(v => v!.Value).ToList();
        if (finite.Count == 0)
        {
            return new LinearScale(0, 1);
        }

        var (low, high) = (finite.Min(), finite.Max());
        var span = high - low;
        var pad = span > 0 ? span * padding : Math.Max(Math.Abs(low) * 0.1, 1e-9);
        return new LinearScale(low - pad, high + pad);
    }

    public override double Fraction(double value) => double.IsFinite(value) ? (value - Min) / (Max - Min) : double.NaN;

    protected override IReadOnlyList<Tick> ComputedTicks()
    {
        var step = NiceStep((Max - Min) / 5);
        var first = Math.Ceiling(Min / step) * step;
        var ticks = new List<Tick>();
        for (var i = 0; i < 50; i++)
        {
            var value = first + (i * step);
            if (value > Max + (step * 1e-9))
            {
                break;
            }

            value = Math.Abs(value) < step * 1e-9 ? 0 : value;
            ticks.Add(new Tick(value, SvgText.Number(value)));
        }

        return ticks;
    }

    private static double NiceStep(double rough)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var unit = rough / power;
        return (unit < 1.5 ? 1 : unit < 3 ? 2 : unit < 7 ? 5 : 10) * power;
    }
}
