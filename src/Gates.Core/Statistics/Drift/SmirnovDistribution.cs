namespace Gates.Core.Statistics.Drift;

/// <summary>
/// Survival function P(D⁺_n ≥ x) of the one-sided one-sample Smirnov statistic by the Smirnov / Birnbaum–Tingey sum
/// x · Σ_{v=0}^{⌊n(1−x)⌋} C(n, v) (x + v/n)^(v−1) (1 − x − v/n)^(n−v), evaluated term by term in logarithms with
/// n·x split into two doubles so that 1 − x − v/n keeps its precision. Above a million the asymptotic
/// exp(−(6nx + 1)²/(18n)) is used, as scipy does.
/// </summary>
public static class SmirnovDistribution
{
    private const long MaxExactN = 1_000_000;

    public static double Survival(long n, double x)
    {
        if (n <= 0 || !(x >= 0 && x <= 1))
        {
            return double.NaN;
        }

        if (n == 1)
        {
            return 1 - x;
        }

        if (x == 0)
        {
            return 1;
        }

        if (x == 1)
        {
            return 0;
        }

        var nx = n * x;
        var nxLow = Math.FusedMultiplyAdd(n, x, -nx);
        var floorNx = Math.Floor(nx);
        if (nx < floorNx || (nx == floorNx && nxLow < 0))
        {
            floorNx -= 1;
        }

        if (floorNx == 0 || (nx == 1 && nxLow == 0))
        {
            // x ≤ 1/n: P(D⁺ < x) = x (1 + x)^(n−1)
            return 1 - (x * Math.Pow(1 + x, n - 1));
        }

        if (-2 * n * x * x < -708.3964185322641)
        {
            return 0;
        }

        if (floorNx >= n - 1)
        {
            return Math.Pow(1 - x, n);
        }

        if (n > MaxExactN)
        {
            var logP = -Math.Pow((6.0 * n * x) + 1, 2) / 18.0 / n;
            return Math.Exp(logP);
        }

        return x * Math.Exp(LogSum(n, x, nx, nxLow));
    }

    /// <summary>log Σ_v C(n, v) (x + v/n)^(v−1) (1 − x − v/n)^(n−v) by a running maximum.</summary>
    private static double LogSum(long n, double x, double nx, double nxLow)
    {
        var last = (long)Math.Floor(n * (1 - x));
        var logN = Math.Log(n);
        var logChoose = 0.0; // log C(n, 0)
        var maxLog = double.NegativeInfinity;
        var scaled = 0.0;
        var previous = double.NegativeInfinity;
        for (long v = 0; v <= last; v++)
        {
            if (v > 0)
            {
                logChoose += Math.Log((double)(n - v + 1) / v);
            }

            // n(1 − x) − v and nx + v, each from the two-double split of n·x
            var rest = (n - v - nx) - nxLow;
            if (rest <= 0)
            {
                break;
            }

            var reached = (v + nx) + nxLow;
            var term = logChoose + ((v - 1) * (Math.Log(reached) - logN)) + ((n - v) * (Math.Log(rest) - logN));
            if (term > maxLog)
            {
                scaled = (scaled * Math.Exp(maxLog - term)) + 1;
                maxLog = term;
            }
            else
            {
                scaled += Math.Exp(term - maxLog);
            }

            // The terms rise to one peak and then fall: once falling and negligible, the rest cannot matter.
            if (term < previous && term < maxLog - 50)
            {
                break;
            }

            previous = term;
        }

        return maxLog + Math.Log(scaled);
    }
}
