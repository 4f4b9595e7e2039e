using System.Globalization;
using Gates.Core.Results;
using Gates.Core.Thresholds;

namespace Gates.Core.Reporting;

/// <summary>The wording every renderer shares: numbers, thresholds, intervals, counts. Always InvariantCulture.</summary>
internal static class ReportText
{
    public static string Number(double value)
    {
        if (value == 0)
        {
            return "0";
        }

        var abs = Math.Abs(value);
        var format = abs < 0.0001 ? "0.###E+0" : abs >= 1000 ? "0.##" : "0.####";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    public static string Number(double? value) => value is { } v ? Number(v) : "";

    public static string Count(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Upper(Verdict verdict) => verdict.ToWord().ToUpperInvariant();

    /// <summary>
    /// The value the threshold applies to: the observed value, or for a delta check
    /// "Δ -0.012 (0.801 vs baseline 0.813)" ("Δ -0.0148 relative (…)" for a relative delta). "" without a value.
    /// </summary>
    public static string Value(CheckResult check)
    {
        if (!CheckValues.IsDelta(check))
        {
            return Number(check.Observed);
        }

        if (CheckValues.ComparedValue(check) is not { } compared)
        {
            return "";
        }

        var sides = check.Observed is { } current && check.BaselineValue is { } baseline
            ? $" ({Number(current)} vs baseline {Number(baseline)})"
            : "";
        var relative = check.Compared == CheckValues.RelativeDeltaCompared ? " relative" : "";
        return $"Δ {Signed(compared)}{relative}{sides}";
    }

    public static string Signed(double value) => (value > 0 ? "+" : "") + Number(value);

    /// <summary>"&gt;= 0.85, warn &lt; 0.9", or "" when the check has no threshold.</summary>
    public static string Threshold(CheckResult check)
    {
        if (check.Comparison is not { } comparison || check.Threshold is not { } threshold)
        {
            return "";
        }

        var text = $"{comparison.Symbol()} {Number(threshold)}";
        return check.WarnThreshold is { } warn ? $"{text}, warn {Negated(comparison)} {Number(warn)}" : text;
    }

    /// <summary>"95% [0.8841, 0.9346]", or "" without an interval.</summary>
    public static string Interval(Interval? interval) => interval is null
        ? ""
        : $"{Level(interval.Level)} [{Number(interval.Low)}, {Number(interval.High)}]";

    public static string Level(double level) => (level * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>"4 checks: 1 fail, 1 inconclusive, 1 warn, 1 pass" (worst first, zero counts left out).</summary>
    public static string Counts(IReadOnlyList<CheckResult> checks)
    {
        var noun = checks.Count == 1 ? "check" : "checks";
        var parts = Enum.GetValues<Verdict>().Reverse()
            .Select(v => (Verdict: v, Count: checks.Count(c => c.Verdict == v)))
            .Where(p => p.Count > 0)
            .Select(p => $"{p.Count} {p.Verdict.ToWord()}");
        var counts = string.Join(", ", parts);
        return checks.Count == 0 ? "no checks" : $"{checks.Count} {noun}: {counts}";
    }

    /// <summary>Structured facts not shown in the summary table: advisory, method, p-value, baseline, borderline.</summary>
    public static IReadOnlyList<string> Extras(CheckResult check)
    {
        var extras = new List<string>();
        if (!check.Required)
        {
            extras.Add("advisory (not required)");
        }

        if (check.Method is { } method)
        {
            extras.Add("interval method: " + method);
        }

        if (check.PValue is { } p)
        {
            extras.Add("p-value: " + Number(p));
        }

        if (check.BaselineValue is { } baseline && !CheckValues.IsDelta(check))
        {
            extras.Add("baseline: " + Number(baseline));
        }

        if (check.Delta is { } delta && !CheckValues.IsDelta(check))
        {
            extras.Add("delta: " + Signed(delta));
        }

        if (CheckValues.IsDelta(check))
        {
            extras.Add(check.Compared == CheckValues.RelativeDeltaCompared
                ? "threshold and interval apply to the relative change against the baseline"
                : "threshold and interval apply to the change against the baseline");
        }

        if (check.Interval is null && check.Observed is not null && check.Threshold is not null)
        {
            extras.Add("point value only, no interval");
        }

        if (check.Borderline)
        {
            // An inconclusive check straddles by definition; only a decided one is "borderline".
            var note = check.Verdict == Verdict.Inconclusive ? "the interval straddles the threshold" : "borderline: the interval straddles the threshold";
            extras.Add(check.SamplesToResolve is { } n ? $"{note}; about {Count(n)} samples would resolve it" : note);
        }

        return extras;
    }

    private static string Negated(Comparison comparison) => comparison switch
    {
        Comparison.Gte => "<",
        Comparison.Gt => "<=",
        Comparison.Lte => ">",
        Comparison.Lt => ">=",
        _ => "!=",
    };
}
