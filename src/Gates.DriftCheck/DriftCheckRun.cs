using Gates.Cli;
using Gates.Cli.Hosts;
using Gates.Core;
using Gates.Core.Results;
using Gates.Core.Thresholds;
using Gates.DriftCheck.Analysis;
using Gates.DriftCheck.Config;
using Gates.DriftCheck.Reports;

namespace Gates.DriftCheck;

/// <summary>The composition root of one comparison: read, compare, gate, write the reports, return the exit code.</summary>
internal static class DriftCheckRun
{
    public static int Execute(DriftCheckSettings settings, GateEnvironment env, CancellationToken ct)
    {
        var started = env.Time.GetUtcNow();
        var clock = env.Time.GetTimestamp();
        var thresholds = settings.Common.Thresholds is { } path ? ThresholdFileReader.ReadFile(path, DriftSettingsReader.ReadOptions) : null;
        var drift = thresholds is null ? new DriftSettings() : DriftSettingsReader.Read(thresholds);
        drift = settings.Mode is { } mode ? drift with { Mode = mode } : drift;

        var (reference, current, warnings) = DataLoader.Load(settings.Reference, settings.Current, drift, settings.Data, new ReadProgress(env, TimeSpan.FromSeconds(5)), ct);
        var result = DriftComparison.Run(reference, current, drift);
        if (result.Compared == 0)
        {
            throw new GateInputException("no column could be compared: " +
                string.Join("; ", result.Columns.Select(c => $"{c.Name}: {c.Reason}").Take(10)));
        }

        var checks = new List<CheckResult>(DatasetGates.Evaluate(thresholds?.Gates ?? [DatasetGates.Default], result));
        checks.AddRange(result.Columns.SelectMany(ColumnChecks.For));
        var details = DriftDetails.For(result, drift, reference, current);
        var report = new GateReport
        {
            Tool = ToolInfoReader.For(DriftCheckCommand.Name, typeof(DriftCheckRun).Assembly),
            Subject = ToolInfoReader.SubjectFor(settings.Common, env),
            Verdict = checks.Select(c => c.Verdict).Worst(),
            Summary = Summary(result),
            StartedAt = started,
            DurationSeconds = env.Time.GetElapsedTime(clock).TotalSeconds,
            Inputs = [new InputFile("reference", reference.Path, reference.Sha256), new InputFile("current", current.Path, current.Sha256)],
            Thresholds = thresholds is null ? null : new InputFile("thresholds", thresholds.Path, thresholds.Sha256),
            Checks = checks,
            Warnings = warnings,
            Details = new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { [DriftCheckCommand.Name] = details },
        };

        foreach (var warning in warnings)
        {
            env.Error.WriteLine($"{DriftCheckCommand.Name}: warning: {warning}");
        }

        if (settings.DriftJson is { } jsonPath)
        {
            AtomicFile.Write(jsonPath, details.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
        }

        return ReportOutputs.Publish(report, settings.Common, env, new PublishOptions
        {
            Markdown = details => new DriftMarkdown(result, details),
            Html = new DriftHtml(result),
        });
    }

    public static string Summary(DriftResult r)
    {
        var text = $"{r.Drifted} of {r.Compared} compared columns drifted ({Words.Percent(r.ShareDrifted)})";
        if (r.Insufficient > 0)
        {
            text += $", {Words.Plural(r.Insufficient, "column", "columns")} with insufficient data";
        }

        if (r.NotTested > 0)
        {
            text += $", {r.NotTested} not tested";
        }

        return text + (r.Mode == DriftMode.Evidently ? " (Evidently-compatible mode)" : "");
    }
}
