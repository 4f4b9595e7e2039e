using Gates.CanaryValidate.Analysis;
using Gates.CanaryValidate.Tests.Support;
using Gates.Core.Thresholds;
using Xunit.Abstractions;

namespace Gates.CanaryValidate.Tests.Analysis;

/// <summary>
/// The promise of the sequential design, checked by simulation: looking at the canary every interval does not
/// raise the false-rollback rate above alpha, and a real regression is caught with the power the tool states.
/// Seeded, so every run of the test sees the same numbers.
/// </summary>
public sealed class SimulationTests(ITestOutputHelper output)
{
    private const double Alpha = 0.05;
    private const int Looks = 30;
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_canary_exactly_at_the_absolute_limit_is_rolled_back_at_most_alpha_of_the_time()
    {
        var gate = TestGates.ErrorRateAtMost(0.02);
        var rate = await RollbackRate(gate, canaryRate: 0.02, baselineRate: 0.02, canaryPerLook: 100, runs: 1000, seed: 1);
        rate.ShouldBeLessThanOrEqualTo(Alpha);
    }

    [Fact]
    public async Task A_canary_as_good_as_its_baseline_is_rolled_back_at_most_alpha_of_the_time()
    {
        var gate = TestGates.ErrorRateDelta(0);
        var rate = await RollbackRate(gate, canaryRate: 0.01, baselineRate: 0.01, canaryPerLook: 100, runs: 2000, seed: 2);
        rate.ShouldBeLessThanOrEqualTo(Alpha);
    }

    [Fact]
    public async Task A_canary_at_the_relative_margin_is_rolled_back_at_most_alpha_of_the_time()
    {
        var gate = TestGates.ErrorRateDelta(0.5, DeltaMode.Relative);
        var rate = await RollbackRate(gate, canaryRate: 0.03, baselineRate: 0.02, canaryPerLook: 100, runs: 2000, seed: 3);
        rate.ShouldBeLessThanOrEqualTo(Alpha);
    }

    [Fact]
    public async Task A_quality_score_exactly_at_its_lower_limit_is_rolled_back_at_most_alpha_of_the_time()
    {
        // Scores of 0 or 1 have the largest variance a score in [0, 1] with that mean can have: the hardest case.
        var gate = TestGates.QualityAtLeast(0.85);
        var rate = await RollbackRate(gate, canaryRate: 0.85, baselineRate: 0.85, canaryPerLook: 100, runs: 1000, seed: 5);
        rate.ShouldBeLessThanOrEqualTo(Alpha);
    }

    [Fact]
    public async Task A_doubled_error_rate_is_caught_with_the_stated_power_at_the_stated_sample_size()
    {
        var gate = TestGates.ErrorRateDelta(0);
        var settings = new DecisionSettings { Alpha = Alpha, MinSamples = 100, CanaryTuning = 5_000, Power = 0.8 };
        var needed = GateDecider.NeededCanaryN(gate, new SideStats(10_000, 200), new SideStats(90_000, 900), settings)!.Value;
        var perLook = (long)Math.Ceiling(needed / (double)Looks);

        var rate = await RollbackRate(gate, canaryRate: 0.02, baselineRate: 0.01, canaryPerLook: perLook, runs: 500, seed: 4, tuning: 5_000);

        rate.ShouldBeGreaterThanOrEqualTo(0.8);
    }

    private async Task<double> RollbackRate(CanaryGate gate, double canaryRate, double baselineRate, long canaryPerLook, int runs, int seed, double? tuning = null)
    {
        var plan = new AnalysisPlan
        {
            Gates = [gate],
            Alpha = Alpha,
            Duration = TimeSpan.FromMinutes(Looks),
            Interval = TimeSpan.FromMinutes(1),
            MinSamples = 100,
            Tuning = tuning,
        };
        var random = new Random(seed);
        var rollbacks = 0;
        for (var run = 0; run < runs; run++)
        {
            var traffic = new SimulatedTraffic(random, gate.Name, canaryRate, baselineRate, canaryPerLook, canaryPerLook * 9);
            var outcome = await new CanaryAnalysis(plan, traffic, null, new JumpClock(Start)).RunAsync(Start, CancellationToken.None);
            rollbacks += outcome.Decision == CanaryDecision.Rollback ? 1 : 0;
        }

        output.WriteLine($"{gate.Name}: canary {canaryRate}, baseline {baselineRate}, {canaryPerLook} canary requests per look: {rollbacks} rollbacks in {runs} runs");
        return (double)rollbacks / runs;
    }
}
