namespace Gates.Core.Statistics.Experiments;

/// <summary>
/// What one arm of an experiment has shown, summed over its randomization units (users, sessions or requests):
/// <see cref="Units"/> units whose outcome y and denominator x sum to <see cref="SumY"/> and <see cref="SumX"/>, with
/// the sums of y², x² and x·y. The metric is the ratio ΣY / ΣX; a mean per unit is the case x = 1, a proportion the
/// case x = 1 and y in {0, 1}.
/// </summary>
public sealed record ArmSummary(long Units, double SumY, double SumX, double SumY2, double SumX2, double SumXY, bool Binary = false)
{
    /// <summary>Successes out of n independent units (y in {0, 1}).</summary>
    public static ArmSummary Proportion(long n, double successes) => new(n, successes, n, successes, n, successes, Binary: true);

    /// <summary>A mean over n units with the sum of squares (or a bound on it).</summary>
    public static ArmSummary Mean(long n, double sum, double sumSquares) => new(n, sum, n, sumSquares, n, sum);

    public double Value => SumX != 0 ? SumY / SumX : double.NaN;

    /// <summary>
    /// The variance of the estimate ΣY / ΣX by the delta method:
    /// Var ≈ (s_y² − 2R·s_xy + R²·s_x²) / (n·x̄²), with the sample (co)variances over units. For 0/1 outcomes the
    /// rate is smoothed to (k + ½)/(n + 1) so that an early run of identical outcomes cannot claim zero variance.
    /// </summary>
    public double EstimateVariance()
    {
        if (Units < 2 || SumX == 0)
        {
            return double.NaN;
        }

        if (Binary)
        {
            var p = (SumY + 0.5) / (Units + 1);
            return p * (1 - p) / Units;
        }

        var n = (double)Units;
        var meanX = SumX / n;
        var meanY = SumY / n;
        var varY = (SumY2 - (n * meanY * meanY)) / (n - 1);
        var varX = (SumX2 - (n * meanX * meanX)) / (n - 1);
        var covXY = (SumXY - (n * meanX * meanY)) / (n - 1);
        var r = Value;
        var unitVariance = varY - (2 * r * covXY) + (r * r * varX);
        return Math.Max(unitVariance, 1e-12) / (n * meanX * meanX);
    }

    public static ArmSummary operator +(ArmSummary a, ArmSummary b) =>
        new(a.Units + b.Units, a.SumY + b.SumY, a.SumX + b.SumX, a.SumY2 + b.SumY2, a.SumX2 + b.SumX2, a.SumXY + b.SumXY, a.Binary && b.Binary);
}
