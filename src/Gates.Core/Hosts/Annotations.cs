using System.Globalization;
using Gates.Core.Results;

namespace Gates.Core.Hosts;

/// <summary>
/// GitHub annotations for a report: an error for each failed required check, a warning for each failed advisory,
/// inconclusive or warn check (worst first). GitHub keeps at most 10 errors and 10 warnings per step and drops
/// the rest silently, so the list stops there and ends with a notice saying how many were left out.
/// </summary>
public static class Annotations
{
    public const int MaxErrors = 10;
    public const int MaxWarnings = 10;

    public static IReadOnlyList<WorkflowCommand> For(GateReport report)
    {
        var errors = report.Checks.Where(c => c.Verdict == Verdict.Fail && c.Required).ToList();
        var warnings = report.Checks
            .Where(c => c.Verdict != Verdict.Pass && !(c.Verdict == Verdict.Fail && c.Required))
            .OrderByDescending(c => c.Verdict)
            .ToList();

        var commands = new List<WorkflowCommand>();
        commands.AddRange(errors.Take(MaxErrors).Select(c => WorkflowCommand.Error(c.Reason, Title(report, c))));
        commands.AddRange(warnings.Take(MaxWarnings).Select(c => WorkflowCommand.Warning(c.Reason, Title(report, c))));

        var leftOut = Math.Max(0, errors.Count - MaxErrors) + Math.Max(0, warnings.Count - MaxWarnings);
        if (leftOut > 0)
        {
            var count = leftOut.ToString(CultureInfo.InvariantCulture);
            var noun = leftOut == 1 ? "check was" : "checks were";
            commands.Add(WorkflowCommand.Notice(
                $"{count} more {noun} not annotated: GitHub shows at most {MaxErrors} error and {MaxWarnings} warning " +
                "annotations per step. The step summary lists every check.",
                $"{report.Tool.Name}: {count} more"));
        }

        return commands;
    }

    private static string Title(GateReport report, CheckResult check) =>
        $"{report.Tool.Name} {check.Name}: {check.Verdict.ToWord().ToUpperInvariant()}";
}
