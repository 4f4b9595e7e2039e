using Gates.Core.Statistics.Sequential;
using MathNet.Numerics.Distributions;

namespace Gates.Core.Tests.Statistics.Sequential;

/// <summary>The sequential building blocks in Gates.Core: exact and asymptotic confidence sequences, sample sizes, SRM.</summary>
public sealed class SequenceTests
{
    [Fact]
    public void The_beta_binomial_sequence_contains_the_estimate_and_narrows_as_data_grows()
    {
        var prior = BetaPrior.CentredOn(0.02);
        var small = ProportionSequence.Bounds(2, 100, 0.05, prior);
        var large = ProportionSequence.Bounds(200, 10_000, 0.05, prior);

        small.Contains(0.02).ShouldBeTrue();
        large.Contains(0.02).ShouldBeTrue();
        (large.High - large.Low).ShouldBeLessThan((small.High - small.Low) / 4);
        large.Level.ShouldBe(0.95);
    }

    [Fact]
    public void Its_bounds_are_where_the_evidence_reaches_one_over_alpha()
    {
        var prior = BetaPrior.CentredOn(0.05);
        var bounds = ProportionSequence.Bounds(30, 400, 0.01, prior);

        ProportionSequence.LogEvidence(30, 400, bounds.Low, prior).ShouldBe(Math.Log(100), tolerance: 1e-6);
        ProportionSequence.LogEvidence(30, 400, bounds.High, prior).ShouldBe(Math.Log(100), tolerance: 1e-6);
        ProportionSequence.LogEvidence(30, 400, 0.075, prior).ShouldBeLessThan(Math.Log(100));
    }

    [Fact]
    public void With_no_events_the_lower_bound_is_zero_and_with_no_data_the_interval_is_everything()
    {
        ProportionSequence.Bounds(0, 500, 0.05, BetaPrior.CentredOn(0.02)).Low.ShouldBe(0);
        var nothing = ProportionSequence.Bounds(0, 0, 0.05, BetaPrior.CentredOn(0.02));
        (nothing.Low, nothing.High).ShouldBe((0.0, 1.0));
    }

    [Fact]
    public void It_covers_the_true_rate_at_every_look_in_at_least_1_minus_alpha_of_simulated_runs()
    {
        var random = new Random(11);
        var prior = BetaPrior.CentredOn(0.05);
        var missed = 0;
        const int runs = 400;
        for (var run = 0; run < runs; run++)
        {
            long n = 0, k = 0;
            for (var look = 0; look < 50; look++)
            {
                n += 40;
                k += Binomial.Sample(random, 0.05, 40);
                if (!ProportionSequence.Bounds(k, n, 0.05, prior).Contains(0.05))
                {
                    missed++;
                    break;
                }
            }
        }

        ((double)missed / runs).ShouldBeLessThanOrEqualTo(0.05);
    }

    [Fact]
    public void The_mixture_sequence_is_wider_than_a_fixed_interval_but_not_by_much_near_its_tuning()
    {
        var z = Normal.InvCDF(0, 1, 0.975);
        var fixedHalf = z / Math.Sqrt(5000);
        var ratio = MixtureSequence.HalfWidth(1, 5000, 0.05, 5000) / fixedHalf;

        ratio.ShouldBeInRange(1.3, 1.8);
        MixtureSequence.HalfWidth(1, 100, 0.05, 5000).ShouldBeGreaterThan(MixtureSequence.HalfWidth(1, 1000, 0.05, 5000));
        MixtureSequence.HalfWidth(1, 0, 0.05, 5000).ShouldBe(double.PositiveInfinity);
    }

    [Fact]
    public void The_sample_size_is_where_the_sequence_settles_with_the_asked_power()
    {
        var n = SequentialSampleSize.For(sd: 0.1, margin: 0.01, alpha: 0.05, tuning: 2000, power: 0.8)!.Value;

        (MixtureSequence.HalfWidth(0.1, n, 0.05, 2000) + (0.8416 * 0.1 / Math.Sqrt(n))).ShouldBeLessThanOrEqualTo(0.01 + 1e-6);
        (MixtureSequence.HalfWidth(0.1, n - 2, 0.05, 2000) + (0.8416 * 0.1 / Math.Sqrt(n - 2))).ShouldBeGreaterThan(0.01);
        SequentialSampleSize.For(0.1, 0, 0.05, 2000, 0.8).ShouldBeNull();
    }

    [Fact]
    public void Sample_ratio_mismatch_flags_a_split_far_from_the_configured_one()
    {
        SampleRatioMismatch.PValue(1000, 9000, 0.1).ShouldBe(1, tolerance: 1e-9);
        SampleRatioMismatch.PValue(1_300, 8_700, 0.1).ShouldBeLessThan(0.001);
        SampleRatioMismatch.PValue(0, 0, 0.1).ShouldBe(1);
    }
}
