using System.Globalization;
using Gates.Core;

namespace Gates.LatencyBench.Tuning;

/// <summary>What a sweep varies: the concurrency (closed loop) or the rate (open loop).</summary>
internal enum SweepAxis
{
    Concurrency,
    Rate,
}

/// <summary>
/// <c>--sweep concurrency:1,2,4,8</c> or <c>--sweep rate:5,10,20</c>: the load points, in increasing order, run one
/// after the other; <c>A..B*F</c> (geometric) and <c>A..B+S</c> (linear) expand to a ramp. The sweep stops after
/// <see cref="StopAfter"/> consecutive points that miss the SLO.
/// </summary>
internal sealed record SweepPlan(SweepAxis Axis, IReadOnlyList<double> Loads, int StopAfter = 1)
{
    public const string Flag = "--sweep";

    public string AxisName => Axis == SweepAxis.Concurrency ? "concurrency" : "rate";

    public static SweepPlan Parse(string text, int stopAfter)
    {
        var colon = text.IndexOf(':');
        var axis = colon < 0 ? null : text[..colon].Trim().ToLowerInvariant() switch
        {
            "concurrency" or "c" => (SweepAxis?)SweepAxis.Concurrency,
            "rate" or "r" => SweepAxis.Rate,
            _ => null,
        };
        if (axis is null)
        {
            throw Invalid(text);
        }

        var loads = Expand(text[(colon + 1)..], text);
        if (loads.Count == 0 || loads.Any(l => !(l > 0)) || loads.Zip(loads.Skip(1)).Any(p => p.Second <= p.First))
        {
            throw new GateInputException($"{Flag} '{text}': the loads must be positive and increasing");
        }

        if (axis == SweepAxis.Concurrency && loads.Any(l => l != Math.Floor(l)))
        {
            throw new GateInputException($"{Flag} '{text}': a concurrency is a whole number");
        }

        if (loads.Count > 64)
        {
            throw new GateInputException($"{Flag} '{text}': {loads.Count} points; at most 64");
        }

        return new SweepPlan(axis.Value, loads, stopAfter);
    }

    private static List<double> Expand(string spec, string text)
    {
        if (spec.Contains("..", StringComparison.Ordinal))
        {
            var range = spec.Split("..");
            var step = range[1].IndexOfAny(['*', '+']);
            if (range.Length != 2 || step < 0)
            {
                throw Invalid(text);
            }

            var from = Number(range[0], text);
            var to = Number(range[1][..step], text);
            var by = Number(range[1][(step + 1)..], text);
            var geometric = range[1][step] == '*';
            if (geometric ? by <= 1 : by <= 0)
            {
                throw new GateInputException($"{Flag} '{text}': the step must make the load grow ({(geometric ? "a factor above 1" : "a positive increment")})");
            }

            var loads = new List<double>();
            for (var load = from; load <= to * (1 + 1e-9) && loads.Count <= 64; load = geometric ? load * by : load + by)
            {
                loads.Add(Math.Round(load, 6));
            }

            return loads;
        }

        return [.. spec.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(p => Number(p, text))];
    }

    private static double Number(string s, string text) =>
        double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw Invalid(text);

    private static GateInputException Invalid(string text) => new(
        $"{Flag} '{text}': expected concurrency:LIST or rate:LIST, a LIST being 1,2,4,8 or a ramp FROM..TO*FACTOR (1..64*2) or FROM..TO+STEP (5..50+5)");

    public static string Format(double load) => load.ToString("0.###", CultureInfo.InvariantCulture);
}
