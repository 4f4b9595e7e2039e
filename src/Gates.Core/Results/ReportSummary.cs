namespace Gates.Core.Results;

/// <summary>
/// The one-sentence headline of a run, naming the checks that decided it ("Failed: groundedness, hallucination.").
/// Renderers show the per-verdict counts themselves.
/// </summary>
public static class ReportSummary
{
    public static string For(IReadOnlyList<CheckResult> checks)
    {
        var verdict = checks.Select(c => c.Verdict).Worst();
        var deciding = checks.Where(c => c.Verdict == verdict).Select(c => c.Name).ToList();
        var names = string.Join(", ", deciding.Take(5)) + (deciding.Count > 5 ? $" and {deciding.Count - 5} more" : "");
        var headline = verdict switch
        {
            Verdict.Pass => checks.Count == 0 ? "No checks were evaluated." : "All checks passed.",
            Verdict.Warn => $"Passed with warnings: {names}.",
            Verdict.Inconclusive => $"Not enough evidence either way: {names}.",
            _ => $"Failed: {names}.",
        };
        var borderline = checks.Count(c => c.Borderline && c.Verdict != Verdict.Inconclusive);
        return borderline == 0
            ? headline
            : $"{headline} {borderline} borderline ({(borderline == 1 ? "its interval straddles" : "their intervals straddle")} the threshold).";
    }
}
