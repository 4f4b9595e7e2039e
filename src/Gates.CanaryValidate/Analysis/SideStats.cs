namespace Gates.CanaryValidate.Analysis;

/// <summary>
/// What one side (canary or baseline) has shown since the window opened: n observations summing to
/// <see cref="Sum"/> (for 0/1 observations, the count of ones).
/// </summary>
internal sealed record SideStats(long N, double Sum, double? SumSquares = null, double? SecondMomentBound = null)
{
    public double Mean => N > 0 ? Sum / N : double.NaN;

    public long Successes => (long)Math.Clamp(Math.Round(Sum), 0, N);

    /// <summary>
    /// Per-observation variance: for 0/1 data and bounded data, smoothed towards the middle so that an early run of
    /// identical values cannot claim zero variance; otherwise the sample variance from the sum of squares, or the
    /// histogram's bound on E[x²] less the squared mean.
    /// </summary>
    public double Variance(CanaryGate gate)
    {
        if (gate.IsBinary)
        {
            var p = (Sum + 0.5) / (N + 1);
            return p * (1 - p);
        }

        if (SumSquares is { } squares && N >= 2)
        {
            var v = (squares - (N * Mean * Mean)) / (N - 1);
            return Math.Max(v, 1e-12);
        }

        if (SecondMomentBound is { } moment && N >= 1)
        {
            return Math.Max(moment - (Mean * Mean), 1e-12);
        }

        if (gate.Range is var (low, high))
        {
            var m = Math.Clamp((Sum + ((low + high) / 2)) / (N + 1), low, high);
            return Math.Max((m - low) * (high - m), 1e-12);
        }

        return double.NaN;
    }
}
