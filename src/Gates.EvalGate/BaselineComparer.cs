using System.Text.Json.Nodes;
using Gates.Core;
using Gates.Core.Metrics;
using Gates.Core.Results;
using Gates.Core.Statistics;
using Gates.Core.Thresholds;

namespace Gates.EvalGate;

/// <summary>
/// Current minus baseline for one metric. When both sides have per-item values with matching ids the comparison
/// is paired (McNemar for pass/fail items, paired bootstrap otherwise); otherwise the two standard errors are
/// combined (unpaired normal interval).
/// </summary>
internal sealed class BaselineComparer(MetricSources current, MetricSources baseline, int seed, int resamples)
{
    public DeltaResult Delta(string metric, DeltaMode mode, double level)
    {
        var (cur, curFile) = current.FindWithFile(metric) ?? throw new GateInputException(current.DescribeMissing(metric));
        var (bas, basFile) = baseline.FindWithFile(metric)
            ?? throw new GateInputException($"the baseline has no '{metric}': {baseline.DescribeMissing(metric)}");
        if (mode == DeltaMode.Relative && Math.Abs(bas.Value) < 1e-12)
        {
            throw new GateInputException($"a relative delta of '{metric}' is undefined: the baseline value is 0");
        }

        var scale = mode == DeltaMode.Relative ? 1 / Math.Abs(bas.Value) : 1;
        var paired = Paired(metric, curFile.ItemValues(metric), basFile.ItemValues(metric), level);
        if (paired is { } p)
        {
            var observation = new MetricObservation(p.Difference * scale)
            {
                N = p.N,
                Interval = new Interval(p.Interval.Low * scale, p.Interval.High * scale, level),
                IntervalMethod = p.Method,
            };
            return new DeltaResult(observation, cur.Value, bas.Value, p.PValue, p.Details);
        }

        var se = Combine(StdErr(cur), StdErr(bas));
        var unpaired = new MetricObservation((cur.Value - bas.Value) * scale)
        {
            StdErr = se * scale,
            N = cur.N is { } n1 && bas.N is { } n2 ? Math.Min(n1, n2) : null,
        };
        return new DeltaResult(unpaired, cur.Value, bas.Value, null, null);
    }

    private PairedDelta? Paired(string metric, IReadOnlyDictionary<string, double>? cur, IReadOnlyDictionary<string, double>? bas, double level)
    {
        if (cur is null || bas is null)
        {
            return null;
        }

        var pairing = ItemPairing.Match(cur, bas);
        if (pairing.Matched < 2)
        {
            return null;
        }

        var details = new JsonObject
        {
            ["metric"] = metric,
            ["matchedItems"] = pairing.Matched,
            ["currentOnly"] = pairing.CurrentOnly,
            ["baselineOnly"] = pairing.BaselineOnly,
        };
        if (pairing.ZeroOne)
        {
            var baselineOnly = pairing.BaselineOnlyCorrect;
            var currentOnly = pairing.CurrentOnlyCorrect;
            var test = McNemar.Test(baselineOnly, currentOnly, pairing.Matched, level);
            details["method"] = "mcnemar";
            details["baselineOnlyCorrect"] = baselineOnly;
            details["currentOnlyCorrect"] = currentOnly;
            details["pValue"] = test.PValue;
            return new PairedDelta(test.Difference, test.Interval, test.PValue, pairing.Matched, $"mcnemar ({test.Method})", details);
        }

        var (c, b) = pairing.InIdOrder();
        var boot = PairedBootstrap.Compare(c, b, level, resamples, seed);
        // A bootstrap cannot show p below its resolution: report at least 1 / (resamples + 1), never 0.
        var pValue = Math.Max(boot.PValue, 1.0 / (resamples + 1));
        details["method"] = "paired-bootstrap";
        details["pValue"] = pValue;
        return new PairedDelta(boot.MeanDifference, boot.Interval, pValue, pairing.Matched, "paired bootstrap", details);
    }

    private static double? StdErr(MetricObservation o)
    {
        if (o.StdErr is { } se)
        {
            return se;
        }

        if (o.Successes is not null && o.N is { } n && n > 0)
        {
            return Math.Sqrt(o.Value * (1 - o.Value) / n);
        }

        if (o.StdDev is { } sd && o.N is { } m && m > 0)
        {
            return sd / Math.Sqrt(m);
        }

        return o.Interval is { } i ? i.HalfWidth / MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 1 - ((1 - i.Level) / 2)) : null;
    }

    private static double? Combine(double? a, double? b) => a is { } x && b is { } y ? Math.Sqrt((x * x) + (y * y)) : null;

    private sealed record PairedDelta(double Difference, Interval Interval, double PValue, long N, string Method, JsonObject Details);
}

internal sealed record DeltaResult(MetricObservation Observation, double Current, double Baseline, double? PValue, JsonObject? Paired);
