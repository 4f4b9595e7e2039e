namespace Gates.Core.Results;

/// <summary>The one-line summary of a set of checks ("4 checks: 2 pass, 1 warn, 1 fail").</summary>
public static class ReportSummary
{
    public static string For(IReadOnlyList<CheckResult> checks)
    {
        if (checks.Count == 0)
        {
            return "no checks were evaluated";
        }

        var counts = Enum.GetValues<Verdict>()
            .Select(v => (Verdict: v, Count: checks.Count(c => c.Verdict == v)))
            .Where(x => x.Count > 0)
            .Select(x => $"{x.Count} {x.Verdict.ToWord()}");
        var borderline = checks.Count(c => c.Borderline && c.Verdict != Verdict.Inconclusive);
        var text = $"{checks.Count} {(checks.Count == 1 ? "check" : "checks")}: {string.Join(", ", counts)}";
        return borderline > 0 ? $"{text} ({borderline} borderline)" : text;
    }
}
