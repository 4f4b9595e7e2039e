namespace Gates.LatencyBench.Load;

/// <summary>How open-loop arrivals are spaced.</summary>
internal enum ArrivalPattern
{
    /// <summary>Evenly spaced, 1/rate apart.</summary>
    Constant,

    /// <summary>Gamma-distributed gaps with mean 1/rate; burstiness 1 is Poisson, below 1 burstier, above 1 smoother.</summary>
    Poisson,
}

/// <summary>
/// The intended start offsets (seconds from the start of the run) of an open-loop run. Random patterns are
/// seeded so two runs with the same seed offer exactly the same load.
/// </summary>
internal sealed class ArrivalSchedule(double rate, ArrivalPattern pattern, double burstiness, int seed)
{
    public double Rate => rate;

    public IEnumerable<double> Offsets()
    {
        if (pattern == ArrivalPattern.Constant)
        {
            for (long i = 0; ; i++)
            {
                yield return i / rate;
            }
        }

        var random = new Random(seed);
        var scale = 1 / (rate * burstiness);
        var t = 0.0;
        while (true)
        {
            yield return t;
            t += GammaSampler.Sample(random, burstiness, scale);
        }
    }
}

/// <summary>Gamma(shape, scale) samples by Marsaglia and Tsang's method, from a caller-seeded <see cref="Random"/>.</summary>
internal static class GammaSampler
{
    public static double Sample(Random random, double shape, double scale)
    {
        if (shape < 1)
        {
            // Boost: Gamma(a) = Gamma(a + 1) * U^(1/a).
            var u = 1 - random.NextDouble();
            return Sample(random, shape + 1, scale) * Math.Pow(u, 1 / shape);
        }

        if (shape == 1)
        {
            return -Math.Log(1 - random.NextDouble()) * scale;
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal(random);
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = 1 - random.NextDouble();
            if (Math.Log(u) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v * scale;
            }
        }
    }

    private static double Normal(Random random)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
