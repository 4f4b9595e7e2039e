using MathNet.Numerics.Distributions;

namespace Gates.Core.Statistics;

/// <summary>Critical values of the standard normal distribution.</summary>
internal static class Critical
{
    /// <summary>z such that a two-sided interval at <paramref name="level"/> is ± z standard errors.</summary>
    public static double TwoSidedZ(double level) => Normal.InvCDF(0, 1, 1 - ((1 - level) / 2));

    /// <summary>z such that P(Z ≤ z) = <paramref name="probability"/>.</summary>
    public static double Z(double probability) => Normal.InvCDF(0, 1, probability);
}
