using Gates.Core.Results;
using MathNet.Numerics;

namespace Gates.Core.Statistics.Sequential;

/// <summary>
/// An exact anytime-valid confidence sequence for a Bernoulli proportion. For every candidate rate p0 the
/// Beta-mixture likelihood ratio M(p0) = B(a + k, b + n − k) / B(a, b) / (p0^k (1 − p0)^(n − k)) is a nonnegative
/// martingale when p0 is the true rate, so by Ville's inequality the set {p0 : M(p0) &lt; 1/α} covers the true rate
/// at every n simultaneously with probability at least 1 − α, however often it is looked at.
/// </summary>
public static class ProportionSequence
{
    public static Interval Bounds(long successes, long n, double alpha, BetaPrior prior)
    {
        if (n < 0 || successes < 0 || successes > n)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), $"need 0 <= successes <= n, got {successes}/{n}");
        }

        if (n == 0)
        {
            return new Interval(0, 1, 1 - alpha);
        }

        var limit = Math.Log(1 / alpha);
        var estimate = (double)successes / n;
        var low = successes == 0 ? 0 : Solve(successes, n, prior, limit, 0, estimate);
        var high = successes == n ? 1 : Solve(successes, n, prior, limit, 1, estimate);
        return new Interval(low, high, 1 - alpha);
    }

    /// <summary>ln M(p0): the evidence against the rate p0 after k successes in n trials.</summary>
    public static double LogEvidence(long successes, long n, double p0, BetaPrior prior)
    {
        var failures = n - successes;
        var marginal = SpecialFunctions.BetaLn(prior.A + successes, prior.B + failures) - SpecialFunctions.BetaLn(prior.A, prior.B);
        var atP0 = (successes == 0 ? 0 : successes * Math.Log(p0)) + (failures == 0 ? 0 : failures * Math.Log(1 - p0));
        return marginal - atP0;
    }

    /// <summary>Bisection between the edge (where the evidence is huge) and the estimate (where it is below 1).</summary>
    private static double Solve(long k, long n, BetaPrior prior, double limit, double edge, double estimate)
    {
        double outside = edge, inside = estimate;
        for (var i = 0; i < 200 && Math.Abs(outside - inside) > 1e-12; i++)
        {
            var middle = (outside + inside) / 2;
            if (LogEvidence(k, n, middle, prior) >= limit)
            {
                outside = middle;
            }
            else
            {
                inside = middle;
            }
        }

        return outside;
    }
}
