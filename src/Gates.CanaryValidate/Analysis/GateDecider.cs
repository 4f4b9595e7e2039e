using Gates.Core.Results;
using Gates.Core.Statistics.Sequential;
using Gates.Core.Thresholds;

namespace Gates.CanaryValidate.Analysis;

/// <summary>
/// Decides one gate at one look from the cumulative counts of both sides. Every decision is made on a
/// "contrast" D whose confidence sequence is valid at every look: the canary value (absolute limit), the
/// canary − baseline difference (absolute delta) or canary − (1 + margin) · baseline (relative delta, boundary 0).
/// The sequence is intersected with the previous looks' sequence, so a decided side never flips back.
/// </summary>
internal static class GateDecider
{
    public static GateLook Decide(CanaryGate gate, SideStats? canary, SideStats? baseline, DecisionSettings settings, Interval? previousContrast)
    {
        var method = MethodOf(gate);
        if (canary is null || (gate.Delta is not null && baseline is null))
        {
            return new GateLook
            {
                Gate = gate.Name,
                Status = GateStatus.NoData,
                Method = method,
                CanaryN = canary?.N ?? 0,
                BaselineN = baseline?.N,
                Baseline = baseline is { N: > 0 } b ? b.Mean : null,
                NeededCanaryN = NeededCanaryN(gate, canary, baseline, settings),
                Reason = $"no {(canary is null ? "canary" : "baseline")} series",
            };
        }

        if (canary.N == 0 || (gate.Delta is not null && baseline!.N == 0))
        {
            return new GateLook
            {
                Gate = gate.Name,
                Status = GateStatus.TooFewSamples,
                Method = method,
                CanaryN = canary.N,
                BaselineN = baseline?.N,
                Baseline = baseline is { N: > 0 } b ? b.Mean : null,
                NeededCanaryN = NeededCanaryN(gate, canary, baseline, settings),
                Reason = canary.N == 0 ? "no canary traffic yet" : "no baseline traffic yet",
            };
        }

        var (point, fresh) = Contrast(gate, canary, baseline, settings);
        var contrast = Intersect(previousContrast, fresh);
        var boundary = Boundary(gate);
        var enough = canary.N >= settings.MinSamples && (gate.Delta is null || baseline!.N >= settings.MinSamples);
        var status = enough ? Judge(gate.Comparison, boundary, contrast) : GateStatus.TooFewSamples;
        var look = new GateLook
        {
            Gate = gate.Name,
            Status = status,
            Value = Displayed(gate, point, canary, baseline),
            Canary = canary.Mean,
            Baseline = baseline?.Mean,
            Interval = DisplayedInterval(gate, contrast, baseline),
            Contrast = contrast,
            CanaryN = canary.N,
            BaselineN = baseline?.N,
            Method = method,
            NeededCanaryN = status is GateStatus.Pass or GateStatus.Fail ? null : NeededCanaryN(gate, canary, baseline, settings),
            Reason = "",
        };
        return look with { Reason = LookText.Reason(gate, look, settings.MinSamples) };
    }

    public static string MethodOf(CanaryGate gate) => (gate.Delta, gate.IsBinary) switch
    {
        (null, true) => "beta-binomial confidence sequence",
        (null, false) => "normal-mixture confidence sequence",
        _ => "two-sample normal-mixture confidence sequence",
    };

    /// <summary>The boundary of the contrast scale: the threshold, or 0 for a relative delta.</summary>
    public static double Boundary(CanaryGate gate) => gate.Delta == DeltaMode.Relative ? 0 : gate.Threshold;

    public static GateStatus Judge(Comparison comparison, double boundary, Interval interval)
    {
        var lowHolds = comparison.Holds(interval.Low, boundary);
        var highHolds = comparison.Holds(interval.High, boundary);
        return (lowHolds, highHolds) switch
        {
            (true, true) => GateStatus.Pass,
            (false, false) => GateStatus.Fail,
            _ => GateStatus.Undecided,
        };
    }

    private static (double Point, Interval Interval) Contrast(CanaryGate gate, SideStats canary, SideStats? baseline, DecisionSettings s)
    {
        if (gate.Delta is null)
        {
            if (gate.IsBinary)
            {
                return (canary.Mean, ProportionSequence.Bounds(canary.Successes, canary.N, s.Alpha, BetaPrior.CentredOn(gate.Threshold)));
            }

            var sd = Math.Sqrt(canary.Variance(gate));
            return (canary.Mean, MixtureSequence.Around(canary.Mean, sd, canary.N, s.Alpha, s.CanaryTuning));
        }

        var b = baseline!;
        var (scale, shift) = ContrastTerms(gate);
        var total = canary.N + b.N;
        var share = (double)canary.N / total;
        var variance = (canary.Variance(gate) / canary.N) + (scale * scale * b.Variance(gate) / b.N);
        var point = canary.Mean - (scale * b.Mean) - shift;
        return (point, MixtureSequence.Around(point, Math.Sqrt(variance * total), total, s.Alpha, s.CanaryTuning / share));
    }

    /// <summary>D = canary − scale · baseline − shift.</summary>
    private static (double Scale, double Shift) ContrastTerms(CanaryGate gate) => gate.Delta switch
    {
        DeltaMode.Relative => (1 + gate.Threshold, 0),
        DeltaMode.Absolute => (1, 0),
        _ => (0, 0),
    };

    private static Interval Intersect(Interval? previous, Interval fresh)
    {
        if (previous is null)
        {
            return fresh;
        }

        var low = Math.Max(previous.Low, fresh.Low);
        var high = Math.Min(previous.High, fresh.High);
        return low <= high ? new Interval(low, high, fresh.Level) : fresh;
    }

    private static double Displayed(CanaryGate gate, double point, SideStats canary, SideStats? baseline) => gate.Delta switch
    {
        DeltaMode.Relative => baseline!.Mean > 0 ? (canary.Mean / baseline.Mean) - 1 : double.NaN,
        _ => point,
    };

    private static Interval DisplayedInterval(CanaryGate gate, Interval contrast, SideStats? baseline) =>
        gate.Delta == DeltaMode.Relative
            ? baseline!.Mean > 0
                ? new Interval((contrast.Low / baseline.Mean) + gate.Threshold, (contrast.High / baseline.Mean) + gate.Threshold, contrast.Level)
                : contrast
            : contrast;

    /// <summary>Canary observations that would settle the gate with the configured power if the estimates hold.</summary>
    public static long? NeededCanaryN(CanaryGate gate, SideStats? canary, SideStats? baseline, DecisionSettings s)
    {
        var plan = canary is { N: > 0 } ? canary : baseline is { N: > 0 } ? baseline : null;
        if (plan is null)
        {
            return null;
        }

        long? needed;
        if (gate.Delta is null)
        {
            needed = SequentialSampleSize.For(Math.Sqrt(plan.Variance(gate)), plan.Mean - gate.Threshold, s.Alpha, s.CanaryTuning, s.Power);
        }
        else
        {
            if (baseline is not { N: > 0 })
            {
                return null;
            }

            var share = canary is { N: > 0 } ? (double)canary.N / (canary.N + baseline.N) : s.ExpectedShare ?? 0.1;
            var (scale, shift) = ContrastTerms(gate);
            var margin = plan.Mean - (scale * baseline.Mean) - shift;
            var sd = Math.Sqrt((plan.Variance(gate) / share) + (scale * scale * baseline.Variance(gate) / (1 - share)));
            var total = SequentialSampleSize.For(sd, margin - Boundary(gate), s.Alpha, s.CanaryTuning / share, s.Power);
            needed = total is { } t ? (long)Math.Ceiling(t * share) : null;
        }

        return needed is { } n ? Math.Max(n, s.MinSamples) : null;
    }
}
