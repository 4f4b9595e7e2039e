using Gates.Core.Statistics;

namespace Gates.Bench.Honesty;

/// <summary>
/// eval-gate on a proportion gate <c>min: 0.8</c> at n = 500: pass rates when the true rate sits on the threshold
/// (point and confident decisions) and when it sits one minimum detectable effect above it (power).
/// </summary>
public static class Boundary
{
    private const double Threshold = 0.8;
    private const int N = 500;

    public static IEnumerable<Row> Run(HonestyConfig config)
    {
        var random = new Random(config.Seed);
        var mde = SampleSize.MinimumDetectableEffect(Threshold, N, 0.95, 0.8);
        var (point, confident) = PassRates(random, Threshold, config.Trials);
        var (_, power) = PassRates(random, Threshold + mde, config.Trials);
        yield return new Row("eval-gate", "pass rate at the boundary, decision: point", $"p = {Threshold}, n = {N}", point, "about 50 % (a coin flip)");
        yield return new Row("eval-gate", "pass rate at the boundary, decision: confident", $"p = {Threshold}, n = {N}", confident, "at most 2.5 %");
        yield return new Row("eval-gate", "power at the stated n, decision: confident", $"p = {Threshold} + MDE {mde:0.000}, n = {N}", power, "about 80 % (the stated power)");
    }

    private static (double Point, double Confident) PassRates(Random random, double p, int trials)
    {
        int point = 0, confident = 0;
        for (var t = 0; t < trials; t++)
        {
            var successes = Draw.Binomial(random, N, p);
            point += (double)successes / N >= Threshold ? 1 : 0;
            confident += ProportionInterval.Wilson(successes, N, 0.95).Low >= Threshold ? 1 : 0;
        }

        return ((double)point / trials, (double)confident / trials);
    }
}
