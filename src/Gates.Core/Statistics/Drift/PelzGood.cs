namespace Gates.Core.Statistics.Drift;

/// <summary>
/// Pelz and Good's (1976) expansion of P(D_n ≤ x) for the one-sample Kolmogorov statistic:
/// K0(z) + K1(z)/√n + K2(z)/n + K3(z)/n^1.5 with z = x√n, each term written as a theta-function series that
/// converges quickly for the small and moderate z where it is used.
/// </summary>
internal static class PelzGood
{
    public static double Cdf(long n, double x)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        var z = Math.Sqrt(n) * x;
        var z2 = z * z;
        var logQ = -Math.PI * Math.PI / 8 / z2;
        if (logQ < -708)
        {
            return 0;
        }

        var pi2 = Math.PI * Math.PI;
        var pi4 = pi2 * pi2;
        var pi6 = pi4 * pi2;
        double z4 = z2 * z2, z6 = z4 * z2, z8 = z4 * z4;
        var terms = (int)Math.Ceiling(16 * z / Math.PI);

        // Sums over odd m = 2k − 1 of c(m) · exp(−m²π²/(8z²)).
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (var k = terms; k >= 1; k--)
        {
            double m = (2 * k) - 1;
            double m2 = m * m, m4 = m2 * m2, m6 = m4 * m2;
            var weight = Math.Exp(logQ * m2);
            s0 += weight;
            s1 += ((pi2 * m2 / 4) - z2) * weight;
            s2 += ((6 * z6) + (2 * z4) + ((2 * z4) - (5 * z2)) * pi2 * m2 / 4 + (pi4 * (1 - (2 * z2)) * m4 / 16)) * weight;
            s3 += ((pi6 * (5 - (30 * z2)) * m6 / 64) + (pi4 * ((-60 * z2) + (212 * z4)) * m4 / 16)
                + (pi2 * ((135 * z4) - (96 * z6)) * m2 / 4) - (30 * z6) - (90 * z8)) * weight;
        }

        // Sums over all k ≥ 1 of c(k) · exp(−k²π²/(2z²)).
        double t2 = 0, t3 = 0;
        for (var k = terms; k >= 1; k--)
        {
            double k2 = (double)k * k;
            var weight = Math.Exp(-pi2 * k2 / 2 / z2);
            t2 += k2 * weight;
            t3 += ((3 * z2) - (pi2 * k2)) * k2 * weight;
        }

        var root2Pi = Math.Sqrt(2 * Math.PI);
        var k0 = root2Pi / z * s0;
        var k1 = root2Pi / (6 * z4) * s1;
        var k2Term = (root2Pi / (72 * z6 * z) * s2) - (pi2 * root2Pi / (36 * z2 * z) * t2);
        var k3 = (root2Pi / (6480 * z8 * z2) * s3) + (pi2 * root2Pi / (216 * z6) * t3);
        var rootN = Math.Sqrt(n);
        return k0 + (k1 / rootN) + (k2Term / n) + (k3 / (n * rootN));
    }
}
