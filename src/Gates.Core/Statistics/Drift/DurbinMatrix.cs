namespace Gates.Core.Statistics.Drift;

/// <summary>
/// P(D_n &lt; d) for the one-sample Kolmogorov statistic by Durbin's matrix method as computed by Marsaglia, Tsang and
/// Wang (2003): write nd = k − h with integer k and 0 ≤ h &lt; 1, build an m×m matrix (m = 2k − 1) and take the
/// k-th diagonal element of H^n times n!/n^n, rescaling by powers of two to stay inside the double range.
/// Cost is O(m³ log n), so it is used only where m is small.
/// </summary>
internal static class DurbinMatrix
{
    private const int ScaleExponent = 128;

    public static double Cdf(int n, double d)
    {
        if (d >= 1)
        {
            return 1;
        }

        var nd = n * d;
        if (nd <= 0.5)
        {
            return 0;
        }

        var k = (int)Math.Ceiling(nd);
        var h = k - nd;
        var m = (2 * k) - 1;
        var matrix = Build(m, h);

        var result = Identity(m);
        var resultExponent = 0;
        var power = matrix;
        var powerExponent = 0;
        for (var e = n; e > 0; e >>= 1)
        {
            if ((e & 1) == 1)
            {
                result = Multiply(result, power);
                resultExponent += powerExponent;
            }

            if (e > 1)
            {
                power = Multiply(power, power);
                powerExponent *= 2;
                if (Math.Abs(power[k - 1, k - 1]) > Math.ScaleB(1.0, ScaleExponent))
                {
                    Scale(power, -ScaleExponent);
                    powerExponent += ScaleExponent;
                }
            }
        }

        var p = result[k - 1, k - 1];
        for (var i = 1; i <= n; i++)
        {
            p = i * p / n;
            if (Math.Abs(p) < Math.ScaleB(1.0, -ScaleExponent))
            {
                p = Math.ScaleB(p, ScaleExponent);
                resultExponent -= ScaleExponent;
            }
        }

        return Math.Clamp(Math.ScaleB(p, resultExponent), 0, 1);
    }

    private static double[,] Build(int m, double h)
    {
        var inverseFactorial = new double[m + 1];
        inverseFactorial[0] = 1;
        for (var j = 1; j <= m; j++)
        {
            inverseFactorial[j] = inverseFactorial[j - 1] / j;
        }

        var matrix = new double[m, m];
        for (var row = 0; row < m; row++)
        {
            for (var col = 0; col < m; col++)
            {
                var power = row - col + 1;
                matrix[row, col] = power >= 0 ? inverseFactorial[power] : 0;
            }
        }

        // First column and last row lose the corner pieces of the band.
        for (var i = 0; i < m; i++)
        {
            matrix[i, 0] -= Math.Pow(h, i + 1) * inverseFactorial[i + 1];
            matrix[m - 1, i] -= Math.Pow(h, m - i) * inverseFactorial[m - i];
        }

        var corner = (2 * h) - 1;
        if (corner > 0)
        {
            matrix[m - 1, 0] += Math.Pow(corner, m) * inverseFactorial[m];
        }

        return matrix;
    }

    private static double[,] Identity(int m)
    {
        var identity = new double[m, m];
        for (var i = 0; i < m; i++)
        {
            identity[i, i] = 1;
        }

        return identity;
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        var m = a.GetLength(0);
        var c = new double[m, m];
        for (var i = 0; i < m; i++)
        {
            for (var l = 0; l < m; l++)
            {
                var ail = a[i, l];
                if (ail == 0)
                {
                    continue;
                }

                for (var j = 0; j < m; j++)
                {
                    c[i, j] += ail * b[l, j];
                }
            }
        }

        return c;
    }

    private static void Scale(double[,] a, int exponent)
    {
        var m = a.GetLength(0);
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < m; j++)
            {
                a[i, j] = Math.ScaleB(a[i, j], exponent);
            }
        }
    }
}
