using System.Globalization;
using System.Text.Json.Nodes;

namespace Gates.LatencyBench.Precision;

/// <summary>
/// Where one <see cref="PrecisionTarget"/> stands: the estimate, its order-statistic interval, the relative half-width
/// (the larger side) and, when not reached, how many more requests the rank formula says it would take.
/// </summary>
internal sealed record PrecisionStatus(PrecisionTarget Target, long N, double? Estimate, double? Low, double? High, double? HalfWidth)
{
    /// <summary>More samples needed, projected from the current distribution; null when reached or beyond <see cref="PrecisionCheck.MaxProjected"/>.</summary>
    public long? MoreSamples { get; init; }

    /// <summary>Too few samples for an interval: <see cref="MoreSamples"/> is the least that gives one.</summary>
    public bool AtLeast { get; init; }

    /// <summary>The projection found no sample size up to <see cref="PrecisionCheck.MaxProjected"/>.</summary>
    public bool Unreachable { get; init; }

    public bool Reached => HalfWidth is { } h && h <= Target.Relative;

    public string Describe()
    {
        static string Ms(double? v) => v is { } x ? x.ToString("0.###", CultureInfo.InvariantCulture) : "-";
        static string Pct(double v) => (v * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
        var interval = HalfWidth is { } h ? $"{Ms(Estimate)} ms [{Ms(Low)}, {Ms(High)}], ±{Pct(h)}" : $"{N} samples, too few for an interval";
        var verdict = Reached
            ? "reached"
            : MoreSamples is { } more ? $"not reached: {(AtLeast ? "at least" : "about")} {more.ToString(CultureInfo.InvariantCulture)} more samples needed"
            : Unreachable ? $"not reached: no projected sample size up to {PrecisionCheck.MaxProjected:N0} resolves it"
            : "not reached";
        return $"{Target}: {interval}; {verdict}";
    }

    public JsonObject ToJson() => new()
    {
        ["metric"] = Target.Metric,
        ["target"] = Target.Relative,
        ["reached"] = Reached,
        ["n"] = N,
        ["estimate_ms"] = Round(Estimate),
        ["low_ms"] = Round(Low),
        ["high_ms"] = Round(High),
        ["half_width"] = HalfWidth is { } h ? Math.Round(h, 6) : null,
        ["more_samples"] = MoreSamples,
        ["more_samples_is_minimum"] = AtLeast ? true : null,
    };

    private static double? Round(double? v) => v is { } x ? Math.Round(x, 6) : null;
}
