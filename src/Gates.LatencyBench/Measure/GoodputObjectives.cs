using System.Globalization;
using Gates.Core;

namespace Gates.LatencyBench.Measure;

/// <summary>
/// Per-request objectives for goodput (DistServe / vLLM <c>--goodput</c>): a request is good when it succeeded and
/// every stated objective holds. Written as <c>ttft:300,tpot:50,latency:2000</c> (milliseconds).
/// </summary>
internal sealed record GoodputObjectives(double? TtftMs, double? TpotMs, double? LatencyMs)
{
    public bool Any => TtftMs is not null || TpotMs is not null || LatencyMs is not null;

    public static GoodputObjectives? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        double? ttft = null, tpot = null, latency = null;
        foreach (var part in text.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = part.Split(':', 2);
            if (kv.Length != 2 || !double.TryParse(kv[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) || !(ms > 0) || !double.IsFinite(ms))
            {
                throw Bad(text);
            }

            switch (kv[0].Trim().ToLowerInvariant())
            {
                case "ttft": ttft = ms; break;
                case "tpot": tpot = ms; break;
                case "latency" or "e2e" or "e2el": latency = ms; break;
                default: throw Bad(text);
            }
        }

        return new GoodputObjectives(ttft, tpot, latency);
    }

    /// <summary>Whether a succeeded request meets every objective; a missing measurement fails its objective.</summary>
    public bool IsGood(double latencyMs, double? ttftMs, double? tpotMs) =>
        (LatencyMs is null || latencyMs <= LatencyMs)
        && (TtftMs is null || (ttftMs is { } t && t <= TtftMs))
        && (TpotMs is null || (tpotMs ?? 0) <= TpotMs);

    public override string ToString() => string.Join(",", new[]
    {
        TtftMs is { } a ? $"ttft:{a.ToString(CultureInfo.InvariantCulture)}" : null,
        TpotMs is { } b ? $"tpot:{b.ToString(CultureInfo.InvariantCulture)}" : null,
        LatencyMs is { } c ? $"latency:{c.ToString(CultureInfo.InvariantCulture)}" : null,
    }.Where(s => s is not null));

    private static GateInputException Bad(string text) =>
        new($"--goodput: '{text}' is not a list of objectives like ttft:300,tpot:50,latency:2000 (milliseconds)");
}
