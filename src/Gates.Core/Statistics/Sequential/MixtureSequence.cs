using Gates.Core.Results;

namespace Gates.Core.Statistics.Sequential;

/// <summary>
/// The asymptotic confidence sequence with a normal mixing distribution (Robbins' normal mixture as used for
/// time-uniform central limit theory): after n observations with standard deviation σ the half-width is
/// σ · sqrt(2(nρ² + 1) / (n²ρ²) · ln(sqrt(nρ² + 1) / α)). ρ is chosen so that the sequence is tightest at
/// <c>tuning</c> observations; any fixed choice keeps the guarantee.
/// </summary>
public static class MixtureSequence
{
    public static double Rho(double alpha, double tuning)
    {
        var l = -2 * Math.Log(alpha);
        return Math.Sqrt((l + Math.Log(l + 1)) / Math.Max(tuning, 1));
    }

    public static double HalfWidth(double sd, double n, double alpha, double tuning)
    {
        if (n <= 0)
        {
            return double.PositiveInfinity;
        }

        var rho2 = Math.Pow(Rho(alpha, tuning), 2);
        var a = (n * rho2) + 1;
        return sd * Math.Sqrt(2 * a / (n * n * rho2) * Math.Log(Math.Sqrt(a) / alpha));
    }

    public static Interval Around(double estimate, double sd, double n, double alpha, double tuning)
    {
        var half = HalfWidth(sd, n, alpha, tuning);
        return new Interval(estimate - half, estimate + half, 1 - alpha);
    }
}
