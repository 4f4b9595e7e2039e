namespace Gates.Core.Statistics.Drift;

/// <summary>
/// Exact two-sided p-value of the two-sample Smirnov statistic by counting monotone lattice paths from (0, 0) to
/// (m, n) (Hodges 1958). The recursion works with the probability that a random path has already left the band
/// |i/m − j/n| &lt; d rather than with path counts, which stays accurate for tiny p-values (Viehmann 2021).
/// </summary>
internal static class SmirnovExact
{
    public static double TwoSided(int n1, int n2, double d)
    {
        var g = (int)KolmogorovSmirnovTest.Gcd(n1, n2);
        var lcm = (long)(n1 / g) * n2;
        var h = (long)Math.Round(d * lcm, MidpointRounding.ToEven);
        if (h == 0)
        {
            return 1;
        }

        return n1 == n2 ? OutsideSquare(n1, h) : OutsideBand(n1, n2, g, h);
    }

    /// <summary>
    /// Equal sizes: P(D ≥ h/n) = 2 Σ_{k≥1} (−1)^(k+1) C(2n, n − kh) / C(2n, n), evaluated as nested products of the
    /// ratios of consecutive terms so that the alternating sum never cancels.
    /// </summary>
    private static double OutsideSquare(int n, long h)
    {
        var terms = n / h;
        var nested = 0.0;
        for (var k = terms; k >= 1; k--)
        {
            // ratio C(2n, n − kh) / C(2n, n − (k − 1)h)
            var ratio = 1.0;
            for (long j = (k - 1) * h; j < k * h; j++)
            {
                ratio *= (n - j) / (double)(n + j + 1);
            }

            nested = ratio * (1 - nested);
        }

        return 2 * nested;
    }

    /// <summary>
    /// Unequal sizes: walk the grid column by column; a point is outside when |i·n/g − j·m/g| ≥ h. The value kept for
    /// each point is the share of the paths reaching it that have already been outside.
    /// </summary>
    private static double OutsideBand(int n1, int n2, int g, long h)
    {
        var (m, n) = n1 >= n2 ? (n1, n2) : (n2, n1);
        long mg = m / g, ng = n / g;
        var share = new double[n + 1];
        Array.Fill(share, 1.0);
        for (var j = 0; j <= n && j * mg < h; j++)
        {
            share[j] = 0;
        }

        for (long i = 1; i <= m; i++)
        {
            // inside: i·ng − h < j·mg < i·ng + h
            var low = FloorDiv((i * ng) - h, mg) + 1;
            var high = CeilDiv((i * ng) + h, mg) - 1;
            low = Math.Max(low, 0);
            high = Math.Min(high, n);
            if (high < low)
            {
                return 1;
            }

            var below = 1.0; // the point (i, low − 1) is outside, or does not exist when low = 0
            for (var j = low; j <= high; j++)
            {
                var value = ((i * share[j]) + (j * below)) / (i + j);
                share[j] = value;
                below = value;
            }

            if (low > 0)
            {
                share[low - 1] = 1;
            }
        }

        return share[n];
    }

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    private static long CeilDiv(long a, long b) => a >= 0 ? (a + b - 1) / b : -(-a / b);
}
