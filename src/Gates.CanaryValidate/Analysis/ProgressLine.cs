using System.Globalization;

namespace Gates.CanaryValidate.Analysis;

/// <summary>The one line printed to stderr after every look.</summary>
internal static class ProgressLine
{
    public static string For(LookRecord look, int lookCount, TimeSpan elapsed)
    {
        var gates = look.Gates.Select(g =>
        {
            var interval = g.Interval is { } i ? $" [{LookText.Number(i.Low)}, {LookText.Number(i.High)}]" : "";
            var baseline = g.BaselineN is { } bn ? $"/{bn}" : "";
            return $"{g.Gate} {Word(g.Status)} {LookText.Number(g.Value)}{interval} n={g.CanaryN}{baseline}";
        });
        var at = ((long)elapsed.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return $"look {look.Number}/{lookCount} at +{at}s: {string.Join(" | ", gates)}";
    }

    public static string Word(GateStatus status) => status switch
    {
        GateStatus.Pass => "pass",
        GateStatus.Fail => "FAIL",
        GateStatus.TooFewSamples => "too-few",
        GateStatus.NoData => "no-data",
        GateStatus.Stale => "stale",
        _ => "undecided",
    };
}
