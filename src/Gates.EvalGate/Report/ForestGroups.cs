using Gates.Core.Results;

namespace Gates.EvalGate.Report;

/// <summary>
/// Which checks share one forest plot: values that are all shares (every number between 0 and 1) go on one axis,
/// paired deltas on another (relative ones on a third), and any other check (a count, a latency, a score on its own scale) gets a plot of its own,
/// so no axis mixes units.
/// </summary>
internal static class ForestGroups
{
    public static IReadOnlyList<(string Title, IReadOnlyList<CheckResult> Checks)> Of(IReadOnlyList<CheckResult> checks)
    {
        var plotted = checks.Where(c => CheckValues.ComparedValue(c) is { } v && double.IsFinite(v)).ToList();
        var deltas = plotted.Where(CheckValues.IsDelta).ToList();
        var shares = plotted.Where(c => !CheckValues.IsDelta(c) && IsShare(c)).ToList();
        var groups = new List<(string, IReadOnlyList<CheckResult>)>();
        if (shares.Count > 0)
        {
            groups.Add(("Gates on shares and scores between 0 and 1", shares));
        }

        foreach (var kind in deltas.GroupBy(c => c.Compared))
        {
            var relative = kind.Key == CheckValues.RelativeDeltaCompared ? "Relative changes" : "Changes";
            groups.Add(($"{relative} against the baseline", [.. kind]));
        }

        groups.AddRange(plotted.Except(shares).Except(deltas).Select(c => ($"Gate {c.Name}", (IReadOnlyList<CheckResult>)[c])));
        return groups;
    }

    private static bool IsShare(CheckResult c) =>
        new[] { c.Observed, c.Threshold, c.WarnThreshold, c.BaselineValue, c.Interval?.Low, c.Interval?.High }
            .All(v => v is null || v is >= 0 and <= 1);
}
