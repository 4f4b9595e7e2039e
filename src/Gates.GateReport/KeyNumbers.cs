using System.Globalization;
using Gates.Core.Results;
using Gates.Core.Thresholds;

namespace Gates.GateReport;

/// <summary>
/// A gate's key numbers in one line: its check counts, then up to three checks with observed value and
/// threshold, the ones that decided the verdict first ("4 checks: 1 fail, 3 pass; hallucination 0.11 (&lt;= 0.08)").
/// </summary>
internal static class KeyNumbers
{
    private const int Shown = 3;

    public static string For(Core.Results.GateReport report)
    {
        var counts = Counts(report.Checks);
        var notable = report.Checks
            .Select((check, index) => (check, index))
            .OrderByDescending(x => x.check.Verdict)
            .ThenBy(x => x.index)
            .Select(x => x.check)
            .Where(c => CheckValues.ComparedValue(c) is not null)
            .Take(Shown)
            .Select(Describe)
            .ToList();
        return notable.Count == 0 ? counts : $"{counts}; {string.Join(", ", notable)}";
    }

    public static string Counts(IReadOnlyList<CheckResult> checks)
    {
        if (checks.Count == 0)
        {
            return "no checks";
        }

        var parts = Enum.GetValues<Verdict>().Reverse()
            .Select(v => (Verdict: v, Count: checks.Count(c => c.Verdict == v)))
            .Where(p => p.Count > 0)
            .Select(p => $"{p.Count} {p.Verdict.ToWord()}");
        return $"{checks.Count} {(checks.Count == 1 ? "check" : "checks")}: {string.Join(", ", parts)}";
    }

    public static string Number(double value)
    {
        var abs = Math.Abs(value);
        var format = value == 0 ? "0" : abs < 0.0001 ? "0.###E+0" : abs >= 1000 ? "0.##" : "0.####";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    private static string Describe(CheckResult check)
    {
        var value = CheckValues.ComparedValue(check)!.Value;
        var text = CheckValues.IsDelta(check)
            ? $"{check.Name} Δ {(value > 0 ? "+" : "")}{Number(value)}"
            : $"{check.Name} {Number(value)}";
        return check.Comparison is { } comparison && check.Threshold is { } threshold
            ? $"{text} ({comparison.Symbol()} {Number(threshold)})"
            : text;
    }
}
