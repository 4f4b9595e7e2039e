using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Gates.Core.Statistics;

/// <summary>Quantiles of the beta distribution with good relative accuracy near 0.</summary>
internal static class BetaQuantile
{
    /// <summary>
    /// x with I_x(a, b) = p. Starts from MathNet's root finder (absolute accuracy only, which leaves bounds such as
    /// 5e-8 off in the eighth digit) and polishes it with Newton steps on the regularized incomplete beta.
    /// </summary>
    public static double Of(double a, double b, double p)
    {
        var x = Beta.InvCDF(a, b, p);
        for (var i = 0; i < 8; i++)
        {
            var density = Beta.PDF(a, b, x);
            if (!(density > 0) || double.IsInfinity(density))
            {
                break;
            }

            var next = x - ((SpecialFunctions.BetaRegularized(a, b, x) - p) / density);
            if (!(next > 0 && next < 1) || Math.Abs(next - x) <= 1e-16 * x)
            {
                x = next > 0 && next < 1 ? next : x;
                break;
            }

            x = next;
        }

        return x;
    }
}
