using System.Globalization;

namespace Gates.CanaryValidate.Analysis;

/// <summary>Says what an unsettled gate is missing: more samples, how many, and roughly how long at the observed rate.</summary>
internal static class SampleNeeds
{
    public static string Describe(GateLook look, TimeSpan window, double? canaryPerMinute)
    {
        var state = look.Status switch
        {
            GateStatus.NoData => $"{look.Gate}: {look.Reason}",
            GateStatus.Stale => $"{look.Gate}: {look.Reason}",
            GateStatus.TooFewSamples => $"{look.Gate}: too few samples (canary n={look.CanaryN})",
            _ => $"{look.Gate}: not settled (canary n={look.CanaryN})",
        };
        if (look.NeededCanaryN is not { } needed)
        {
            return look.Status is GateStatus.NoData or GateStatus.Stale ? state : state + "; no sample size would settle it if the estimates hold (the estimate sits on the limit)";
        }

        var more = Math.Max(0, needed - look.CanaryN);
        var text = $"{state}; about {Count(needed)} canary samples would settle it ({Count(more)} more)";
        var rate = look.CanaryN > 0 && window > TimeSpan.Zero ? look.CanaryN / window.TotalMinutes : canaryPerMinute;
        if (rate is > 0 and { } r)
        {
            text += $", about {Count((long)Math.Ceiling(more / r))} more minutes at the observed {r.ToString("0.#", CultureInfo.InvariantCulture)}/min";
        }
        else
        {
            text += $"; the canary received no traffic in {Count((long)window.TotalSeconds)} s";
        }

        return text;
    }

    public static string Count(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);
}
