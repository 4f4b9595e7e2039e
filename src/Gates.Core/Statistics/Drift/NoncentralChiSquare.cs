namespace Gates.Core.Statistics.Drift;

/// <summary>
/// The noncentral chi-square distribution as a Poisson mixture of central ones:
/// P(X &gt; x) = Σ_j Pois(j; λ/2) · Q(k/2 + j, x/2). Used for the power of chi-square tests.
/// </summary>
public static class NoncentralChiSquare
{
    public static double Survival(double x, double dof, double noncentrality)
    {
        if (x <= 0)
        {
            return 1;
        }

        if (noncentrality <= 0)
        {
            return ChiSquareTest.Survival(x, dof);
        }

        var half = noncentrality / 2;
        var mode = (int)Math.Floor(half);
        var total = 0.0;
        // Walk outwards from the Poisson mode until the weights no longer matter.
        for (var j = mode; j >= 0; j--)
        {
            var weight = PoissonWeight(j, half);
            total += weight * ChiSquareTest.Survival(x, dof + (2.0 * j));
            if (weight < 1e-16 && j < mode)
            {
                break;
            }
        }

        for (var j = mode + 1; j < mode + 100_000; j++)
        {
            var weight = PoissonWeight(j, half);
            total += weight * ChiSquareTest.Survival(x, dof + (2.0 * j));
            if (weight < 1e-16)
            {
                break;
            }
        }

        return Math.Clamp(total, 0, 1);
    }

    /// <summary>The noncentrality at which a level-α chi-square test with dof degrees of freedom has the given power.</summary>
    public static double NoncentralityForPower(double dof, double alpha, double power)
    {
        var critical = MathNet.Numerics.Distributions.ChiSquared.InvCDF(dof, 1 - alpha);
        double low = 0, high = 1;
        while (Survival(critical, dof, high) < power)
        {
            low = high;
            high *= 2;
        }

        for (var i = 0; i < 100 && high - low > 1e-9 * high; i++)
        {
            var mid = (low + high) / 2;
            if (Survival(critical, dof, mid) < power)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return high;
    }

    private static double PoissonWeight(int j, double mean) =>
        Math.Exp((j * Math.Log(mean)) - mean - MathNet.Numerics.SpecialFunctions.GammaLn(j + 1));
}
