using System.Text.Json.Nodes;
using Gates.Core.Results;

namespace Gates.GateReport;

/// <summary>
/// Merges gate reports into one gate report of the tool <c>gate-report</c>, with <b>one check per input report</b>
/// (one row per gate): its verdict, its key numbers as the reason, and its tool and summary as the description.
/// The overall verdict is the worst gate's; a failed report of an advisory tool counts as a warning there (its row
/// says so). The subject is the flags', else the value every report agrees on.
/// </summary>
internal static class ReportMerger
{
    public const string DetailsKey = GateReportCommand.Name;

    public static Core.Results.GateReport Merge(IReadOnlyList<LoadedReport> reports, MergeContext context)
    {
        var labels = Labels(reports);
        var checks = reports.Select((r, i) =>
        {
            var advisory = context.Advisory.Contains(r.Report.Tool.Name, StringComparer.Ordinal);
            var demoted = advisory && r.Report.Verdict == Verdict.Fail;
            return new CheckResult
            {
                Name = labels[i],
                Description = $"{r.Report.Tool.Name} {r.Report.Tool.Version}: {r.Report.Summary}".TrimEnd(' ', ':'),
                Verdict = demoted ? Verdict.Warn : r.Report.Verdict,
                Reason = (demoted ? "advisory: failed, counted as a warning; " : "") + KeyNumbers.For(r.Report),
                Required = !advisory,
            };
        }).ToList();

        var warnings = reports.SelectMany((r, i) => r.Report.Warnings.Select(w => $"{labels[i]}: {w}")).Concat(context.Warnings).ToList();
        return new Core.Results.GateReport
        {
            Tool = context.Tool,
            Subject = new Subject
            {
                Model = context.Model ?? Agreed(reports, r => r.Subject.Model),
                Version = context.Version ?? Agreed(reports, r => r.Subject.Version),
                Commit = context.Commit ?? Agreed(reports, r => r.Subject.Commit),
            },
            Verdict = checks.Select(c => c.Verdict).Worst(),
            Summary = ReportSummary.For(checks),
            StartedAt = context.StartedAt,
            DurationSeconds = context.DurationSeconds,
            Inputs = [.. reports.Select(r => new InputFile("report", r.Path, r.Sha256))],
            Checks = checks,
            Warnings = warnings,
            Details = new Dictionary<string, JsonNode?> { [DetailsKey] = Details(reports, labels, context.RunUrl) },
        };
    }

    /// <summary>
    /// The tool's name; "tool (file name)" when several reports come from the same tool, and "tool (path)" when
    /// those also share a file name (two runs in different folders), so every row has its own name.
    /// </summary>
    public static IReadOnlyList<string> Labels(IReadOnlyList<LoadedReport> reports)
    {
        var counts = Counts(reports, r => r.Report.Tool.Name);
        var named = Counts(reports, r => $"{r.Report.Tool.Name}\n{Path.GetFileName(r.Path)}");
        return [.. reports.Select(r => counts[r.Report.Tool.Name] == 1
            ? r.Report.Tool.Name
            : $"{r.Report.Tool.Name} ({(named[$"{r.Report.Tool.Name}\n{Path.GetFileName(r.Path)}"] == 1 ? Path.GetFileName(r.Path) : r.Path)})")];
    }

    private static Dictionary<string, int> Counts(IReadOnlyList<LoadedReport> reports, Func<LoadedReport, string> key) =>
        reports.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static string? Agreed(IReadOnlyList<LoadedReport> reports, Func<Core.Results.GateReport, string?> value)
    {
        var values = reports.Select(r => value(r.Report)).Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal).ToList();
        return values.Count == 1 ? values[0] : null;
    }

    private static JsonObject Details(IReadOnlyList<LoadedReport> reports, IReadOnlyList<string> labels, string? runUrl) => new()
    {
        ["runUrl"] = runUrl,
        ["gates"] = new JsonArray([.. reports.Select((r, i) => (JsonNode)new JsonObject
        {
            ["name"] = labels[i],
            ["report"] = r.Path,
            ["sha256"] = r.Sha256,
            ["tool"] = r.Report.Tool.Name,
            ["version"] = r.Report.Tool.Version,
            ["verdict"] = r.Report.Verdict.ToWord(),
            ["checks"] = r.Report.Checks.Count,
        })]),
    };
}

/// <summary>What the merge needs besides the reports: the run's own facts and extra warnings.</summary>
internal sealed record MergeContext
{
    public required ToolInfo Tool { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public double DurationSeconds { get; init; }
    public string? Model { get; init; }
    public string? Version { get; init; }
    public string? Commit { get; init; }
    public string? RunUrl { get; init; }
    public IReadOnlyList<string> Advisory { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
