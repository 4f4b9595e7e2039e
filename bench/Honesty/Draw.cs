namespace Gates.Bench.Honesty;

/// <summary>Seeded draws from the few distributions the simulations need.</summary>
public static class Draw
{
    public static int Binomial(Random random, int n, double p)
    {
        var k = 0;
        for (var i = 0; i < n; i++)
        {
            k += random.NextDouble() < p ? 1 : 0;
        }

        return k;
    }

    public static double Normal(Random random)
    {
        var u = 1 - random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble());
    }

    public static double Exponential(Random random) => -Math.Log(1 - random.NextDouble());

    /// <summary>Beta(a, b) as the ratio of two gamma draws with integer shapes.</summary>
    public static double Beta(Random random, int a, int b)
    {
        double Gamma(int shape)
        {
            var sum = 0.0;
            for (var i = 0; i < shape; i++)
            {
                sum += Exponential(random);
            }

            return sum;
        }

        var x = Gamma(a);
        return x / (x + Gamma(b));
    }
}
