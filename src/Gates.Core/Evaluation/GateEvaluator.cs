using System.Globalization;
using Gates.Core.Metrics;
using Gates.Core.Results;
using Gates.Core.Statistics;
using Gates.Core.Thresholds;

namespace Gates.Core.Evaluation;

/// <summary>
/// Decides one gate from one observation. In <see cref="DecisionMode.Point"/> the point value decides and an
/// interval that straddles the threshold marks the check borderline; in <see cref="DecisionMode.Confident"/>
/// the interval decides and a straddling interval is inconclusive.
/// </summary>
public static class GateEvaluator
{
    public static CheckResult Evaluate(GateDefinition gate, MetricObservation observation)
    {
        try
        {
            return Decide(gate, observation);
        }
        catch (ArgumentException e)
        {
            // Statistics reject impossible inputs (successes > n, a negative standard deviation …).
            throw new GateInputException($"gate '{gate.Name}': metric '{gate.Metric}' has inconsistent evidence: {e.Message}");
        }
    }

    /// <summary>An optional gate (<c>required: false</c>) whose metric is missing: a warning, never a pass.</summary>
    public static CheckResult NotEvaluated(GateDefinition gate, string why) => new()
    {
        Name = gate.Name,
        Metric = gate.Metric,
        Description = gate.Description,
        Comparison = gate.Comparison,
        Threshold = gate.Threshold,
        WarnThreshold = gate.Warn,
        Required = false,
        Verdict = Verdict.Warn,
        Reason = $"not evaluated (optional gate): {why}",
    };

    private static CheckResult Decide(GateDefinition gate, MetricObservation observation)
    {
        var value = observation.Value;
        if (!double.IsFinite(value))
        {
            throw new GateInputException($"gate '{gate.Name}': metric '{gate.Metric}' is {value}, not a finite number");
        }

        var (interval, method) = IntervalFor(observation, gate.Confidence);
        var pointVerdict = PointVerdict(gate, value);
        var side = interval is null || gate.Comparison == Comparison.Eq ? Side.Unknown : SideOf(gate, interval);
        var noEvidence = gate.Decision == DecisionMode.Confident && interval is null;
        var verdict = noEvidence
            ? Verdict.Inconclusive
            : gate.Decision == DecisionMode.Confident && side != Side.Unknown
                ? side switch
                {
                    Side.Good => pointVerdict == Verdict.Fail ? Verdict.Inconclusive : pointVerdict,
                    Side.Bad => Verdict.Fail,
                    _ => Verdict.Inconclusive,
                }
                : pointVerdict;
        var straddles = side == Side.Straddles;
        var needed = straddles ? SamplesToResolve(gate, observation) : null;
        var unrealistic = needed is { } k && k > UnrealisticSamples && k > 10 * (observation.N ?? 0);
        var toResolve = unrealistic ? null : needed;

        return new CheckResult
        {
            Name = gate.Name,
            Metric = gate.Metric,
            Description = gate.Description,
            Observed = value,
            Comparison = gate.Comparison,
            Threshold = gate.Threshold,
            WarnThreshold = gate.Warn,
            Required = gate.Required,
            Verdict = verdict,
            N = observation.N,
            Interval = interval,
            Method = method,
            Borderline = straddles,
            SamplesToResolve = toResolve,
            Reason = Reason(gate, observation, verdict, interval, straddles, toResolve, unrealistic),
        };
    }

    private enum Side
    {
        Unknown,
        Good,
        Bad,
        Straddles,
    }

    private static Verdict PointVerdict(GateDefinition gate, double value)
    {
        if (!gate.Comparison.Holds(value, gate.Threshold, gate.Tolerance))
        {
            return Verdict.Fail;
        }

        return gate.Warn is { } warn && !gate.Comparison.Holds(value, warn, gate.Tolerance) ? Verdict.Warn : Verdict.Pass;
    }

    private static Side SideOf(GateDefinition gate, Interval interval)
    {
        var lowOk = gate.Comparison.Holds(interval.Low, gate.Threshold);
        var highOk = gate.Comparison.Holds(interval.High, gate.Threshold);
        return (lowOk, highOk) switch
        {
            (true, true) => Side.Good,
            (false, false) => Side.Bad,
            _ => Side.Straddles,
        };
    }

    public static (Interval? Interval, string? Method) IntervalFor(MetricObservation o, double level)
    {
        if (o.Interval is not null)
        {
            return (o.Interval, o.IntervalMethod ?? "given");
        }

        if (o.ItemSuccesses is { } shares && o.N is { } items && items > 0)
        {
            return (ProportionInterval.WilsonShares(shares, items, level), "wilson (items)");
        }

        if (o.Successes is { } k && o.N is { } n && n > 0)
        {
            return (ProportionInterval.Wilson(k, n, level), "wilson");
        }

        if (o.StdDev is { } sd && o.N is { } m && m >= 2)
        {
            return (MeanInterval.Student(o.Value, sd, m, level), "student-t");
        }

        if (o.StdErr is { } se && double.IsFinite(se) && se >= 0)
        {
            return (MeanInterval.Normal(o.Value, se, level), "normal (stderr)");
        }

        return (null, null);
    }

    /// <summary>A sample size beyond any realistic run: over a million and over ten times the current n.</summary>
    public const long UnrealisticSamples = 1_000_000;

    private static long? SamplesToResolve(GateDefinition gate, MetricObservation o)
    {
        if (o.Successes is not null && o.N is { } n)
        {
            return SampleSize.ForProportion(o.Value, gate.Threshold, gate.Confidence) is { } approx
                ? WilsonResolves(gate, o.Value, Math.Max(approx, n + 1))
                : null;
        }

        var sd = o.StdDev ?? (o.StdErr is { } se && o.N is { } m ? se * Math.Sqrt(m) : null);
        var needed = sd is { } s ? SampleSize.ForMean(s, o.Value - gate.Threshold, gate.Confidence) : null;
        return needed is { } k && o.N is { } have ? Math.Max(k, have + 1) : needed;
    }

    /// <summary>
    /// The normal approximation can undershoot the Wilson interval near 0 and 1: step up from it until a Wilson
    /// interval around the same rate excludes the threshold.
    /// </summary>
    private static long WilsonResolves(GateDefinition gate, double rate, long start)
    {
        for (var n = start; n < start * 64; n = (long)Math.Ceiling(n * 1.02) + 1)
        {
            var interval = ProportionInterval.Wilson((long)Math.Round(rate * n), n, gate.Confidence);
            if (gate.Comparison.Holds(interval.Low, gate.Threshold) == gate.Comparison.Holds(interval.High, gate.Threshold))
            {
                return n;
            }
        }

        return start * 64;
    }

    private static string Reason(GateDefinition gate, MetricObservation observation, Verdict verdict, Interval? interval,
        bool straddles, long? toResolve, bool unrealistic)
    {
        var value = observation.Value;
        var n = observation.N;
        var holds = gate.Comparison.Holds(value, gate.Threshold, gate.Tolerance);
        var text = $"{Format(value)} {(holds ? gate.Comparison.Symbol() : "violates " + gate.Comparison.Symbol())} {Format(gate.Threshold)}";
        if (verdict == Verdict.Warn)
        {
            text += $", inside the warn band (warn at {Format(gate.Warn!.Value)})";
        }

        if (interval is null)
        {
            var why = observation.NoIntervalReason ?? "no sample size in the results";
            text += gate.Decision == DecisionMode.Confident ? $"; {why}: cannot be confident" : "; point value only, no interval";
        }
        else
        {
            var level = (interval.Level * 100).ToString("0.#", CultureInfo.InvariantCulture);
            text += $"; {level}% CI [{Format(interval.Low)}, {Format(interval.High)}]";
            text += n is { } count
                ? observation.Runs is { } runs ? $", n={count} items ({runs} runs)" : $", n={count}"
                : "";
        }

        if (straddles)
        {
            text += verdict == Verdict.Inconclusive
                ? "; the interval straddles the threshold, so the evidence is not enough either way"
                : "; borderline: the interval straddles the threshold";
            text += unrealistic ? " (at the threshold: no realistic sample resolves it)"
                : toResolve is { } needed ? $" (about {needed} samples would resolve it)" : "";
        }

        return text;
    }

    public static string Format(double value) => value.ToString(Math.Abs(value) >= 1000 ? "0.##" : "0.####", CultureInfo.InvariantCulture);
}
