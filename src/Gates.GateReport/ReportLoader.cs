using Gates.Cli.Inputs;
using Gates.Core;
using Gates.Core.Reporting;

namespace Gates.GateReport;

/// <summary>
/// Reads the gate reports the <c>--reports</c> values name. Every problem is collected and reported at once
/// (exit 2), each naming its file: a pattern that matches nothing, an unreadable or malformed file, a file that
/// is not a gate report, and two files that hold the same gate run. A file matched by two patterns is read once.
/// </summary>
internal static class ReportLoader
{
    public static IReadOnlyList<LoadedReport> Load(IReadOnlyList<string> patterns, string workingDirectory)
    {
        if (patterns.Count == 0)
        {
            throw new GateInputException("--reports is required (or set GATES_REPORTS): the gate report JSON files to merge, e.g. --reports 'reports/*.json'");
        }

        var problems = new List<string>();
        var paths = new List<string>();
        foreach (var pattern in patterns)
        {
            try
            {
                paths.AddRange(ReportGlob.Expand(pattern, workingDirectory).Where(p => !paths.Contains(p)));
            }
            catch (GateInputException e)
            {
                problems.AddRange(e.Problems);
            }
        }

        var reports = new List<LoadedReport>();
        foreach (var full in paths)
        {
            var shown = Shown(full, workingDirectory);
            try
            {
                var content = InputFiles.ReadAll(full, "gate report", shown);
                var report = GateReportJson.Parse(content.Text(), shown);
                reports.Add(new LoadedReport(shown, full, content.Sha256, report));
            }
            catch (GateInputException e)
            {
                problems.AddRange(e.Problems);
            }
        }

        problems.AddRange(Duplicates(reports));
        return problems.Count > 0 ? throw new GateInputException(problems) : reports;
    }

    /// <summary>The path relative to the working folder when it is inside it, else the full path.</summary>
    public static string Shown(string full, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative.Replace('\\', '/');
    }

    /// <summary>Two reports of the same tool, subject, thresholds and inputs are one gate run recorded twice.</summary>
    private static IEnumerable<string> Duplicates(IReadOnlyList<LoadedReport> reports) =>
        reports.GroupBy(Identity, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{string.Join(" and ", g.Select(r => r.Path))}: duplicate reports of the same {g.First().Report.Tool.Name} run " +
                "(same subject, thresholds and inputs); keep one");

    private static string Identity(LoadedReport loaded)
    {
        var r = loaded.Report;
        var inputs = string.Join(";", r.Inputs.Select(i => $"{i.Role}={i.Sha256}").Order(StringComparer.Ordinal));
        return string.Join("|", r.Tool.Name, r.Subject.Model, r.Subject.Version, r.Subject.Commit, r.Thresholds?.Sha256, inputs,
            r.Inputs.Count == 0 && r.Thresholds is null ? loaded.Sha256 : "");
    }
}
