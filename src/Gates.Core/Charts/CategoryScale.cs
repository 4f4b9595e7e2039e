namespace Gates.Core.Charts;

/// <summary>
/// An axis of named slots: category i is centred at value i, and its slot runs from i - 0.5 to i + 0.5, so a bar in
/// slot i spans, say, i - 0.4 to i. Ticks name every category.
/// </summary>
public sealed record CategoryScale(IReadOnlyList<string> Labels) : Scale
{
    public override double Fraction(double value) =>
        double.IsFinite(value) ? (value + 0.5) / Math.Max(Labels.Count, 1) : double.NaN;

    protected override IReadOnlyList<Tick> ComputedTicks() => [.. Labels.Select((label, i) => new Tick(i, label))];
}
