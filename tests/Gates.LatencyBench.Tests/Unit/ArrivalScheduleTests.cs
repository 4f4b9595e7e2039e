using Gates.LatencyBench.Load;

namespace Gates.LatencyBench.Tests.Unit;

public class ArrivalScheduleTests
{
    [Fact]
    public void Constant_arrivals_are_evenly_spaced()
    {
        var offsets = new ArrivalSchedule(4, ArrivalPattern.Constant, 1, 1).Offsets().Take(5).ToList();
        offsets.ShouldBe([0, 0.25, 0.5, 0.75, 1.0]);
    }

    [Fact]
    public void Poisson_arrivals_are_reproducible_from_the_seed()
    {
        var a = new ArrivalSchedule(100, ArrivalPattern.Poisson, 1, 7).Offsets().Take(50).ToList();
        var b = new ArrivalSchedule(100, ArrivalPattern.Poisson, 1, 7).Offsets().Take(50).ToList();
        var c = new ArrivalSchedule(100, ArrivalPattern.Poisson, 1, 8).Offsets().Take(50).ToList();
        a.ShouldBe(b);
        a.ShouldNotBe(c);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(4.0)]
    public void Gamma_gaps_have_the_mean_of_the_rate(double burstiness)
    {
        // 20,000 seeded gaps: the sample mean is deterministic; 3% covers many standard errors of every shape used.
        var offsets = new ArrivalSchedule(50, ArrivalPattern.Poisson, burstiness, 3).Offsets().Take(20_001).ToList();
        var meanGap = offsets[^1] / 20_000;
        meanGap.ShouldBe(1.0 / 50, 0.03 / 50);
        offsets.Zip(offsets.Skip(1)).ShouldAllBe(p => p.Second >= p.First);
    }

    [Fact]
    public void Burstier_arrivals_vary_more()
    {
        static double Cv(double shape)
        {
            var o = new ArrivalSchedule(10, ArrivalPattern.Poisson, shape, 11).Offsets().Take(5001).ToList();
            var gaps = o.Zip(o.Skip(1), (x, y) => y - x).ToList();
            var mean = gaps.Average();
            return Math.Sqrt(gaps.Sum(g => (g - mean) * (g - mean)) / gaps.Count) / mean;
        }

        Cv(0.25).ShouldBeGreaterThan(Cv(1));
        Cv(1).ShouldBeGreaterThan(Cv(8));
        Cv(1).ShouldBe(1, 0.1);
    }
}
