using Gates.Cli;

namespace Gates.GateReport;

/// <summary>The tools named by <c>--advisory</c>: checked against the gate tools, and those no report came from.</summary>
internal static class AdvisoryTools
{
    private static readonly string[] Known = ["eval-gate", "latency-bench", "drift-check", "canary-validate", "manifest-bump"];

    public static IReadOnlyList<string> Check(IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            if (!Known.Contains(name, StringComparer.Ordinal))
            {
                throw FlagValues.Invalid("--advisory", name, "a tool name: " + string.Join(" | ", Known));
            }
        }

        return names;
    }

    public static IEnumerable<string> Unmatched(IReadOnlyList<string> names, IReadOnlyList<LoadedReport> reports) =>
        names.Where(name => !reports.Any(r => r.Report.Tool.Name == name))
            .Select(name => $"--advisory {name}: no {name} report among the reports");
}
