namespace Gates.Core.Statistics.Sequential;

/// <summary>The Beta(a, b) mixing distribution of a <see cref="ProportionSequence"/>; it tunes power, never validity.</summary>
public sealed record BetaPrior(double A, double B)
{
    /// <summary>
    /// A prior centred on <paramref name="p"/> with a standard deviation of about half of min(p, 1 − p), so the
    /// sequence is sharpest for true rates between a third and twice the limit it is tested against.
    /// </summary>
    public static BetaPrior CentredOn(double p)
    {
        p = Math.Clamp(p, 1e-6, 1 - 1e-6);
        var spread = Math.Min(p, 1 - p) / 2;
        var concentration = Math.Max(2, (p * (1 - p) / (spread * spread)) - 1);
        return new BetaPrior(p * concentration, (1 - p) * concentration);
    }
}
