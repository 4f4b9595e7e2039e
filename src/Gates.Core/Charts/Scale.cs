namespace Gates.Core.Charts;

/// <summary>One tick on an axis: where it is (in data units) and what it says.</summary>
public readonly record struct Tick(double Value, string Label);

/// <summary>
/// Maps data values onto an axis, as a fraction from 0 (the axis' start) to 1 (its end), and names the ticks.
/// <see cref="CustomTicks"/> replaces the computed ticks (for example percentiles 50 … 99.99 on a log scale).
/// </summary>
public abstract record Scale
{
    /// <summary>Ticks to draw instead of the computed ones.</summary>
    public IReadOnlyList<Tick>? CustomTicks { get; init; }

    /// <summary>0 at the axis' start, 1 at its end; NaN for a value the scale cannot place (never drawn).</summary>
    public abstract double Fraction(double value);

    public IReadOnlyList<Tick> Ticks() => CustomTicks ?? ComputedTicks();

    protected abstract IReadOnlyList<Tick> ComputedTicks();
}
