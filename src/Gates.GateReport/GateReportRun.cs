using Gates.Cli;
using Gates.Cli.Comments;
using Gates.Cli.Hosts;
using Gates.GateReport.Evidence;

namespace Gates.GateReport;

/// <summary>The composition root of one gate-report run: read the reports, merge, write the evidence, publish.</summary>
internal static class GateReportRun
{
    public static async Task<int> ExecuteAsync(GateReportSettings settings, GateEnvironment env, CancellationToken ct, PublishOptions? options = null)
    {
        var started = env.Time.GetUtcNow();
        var clock = env.Time.GetTimestamp();
        var reports = ReportLoader.Load(settings.Reports, env.WorkingDirectory);
        var files = NamedFile.From(reports, env.WorkingDirectory);
        var run = CiRun.From(env);

        var merged = ReportMerger.Merge(reports, new MergeContext
        {
            Tool = ToolInfoReader.For(GateReportCommand.Name, typeof(GateReportRun).Assembly),
            StartedAt = started,
            DurationSeconds = env.Time.GetElapsedTime(clock).TotalSeconds,
            Model = settings.Common.SubjectModel,
            Version = settings.Common.SubjectVersion,
            Commit = run.Commit,
            RunUrl = run.RunUrl,
            Warnings = [.. files.Where(f => f.OnDisk == "changed").Select(f =>
                $"{f.Path} changed since {string.Join(", ", f.NamedBy)} read it (its sha256 differs from the one recorded)")],
        });

        if (settings.Evidence is { } evidence)
        {
            var host = HostDetector.Detect(env.Variables, settings.Common.Ci).ToString().ToLowerInvariant();
            var bundle = EvidenceBundle.Build(merged, reports, files, run, host, env.Time.GetUtcNow());
            AtomicFile.Write(evidence, EvidenceBundle.Render(bundle));
            env.Error.WriteLine($"{GateReportCommand.Name}: wrote the evidence bundle to {evidence}");
        }

        foreach (var warning in merged.Warnings)
        {
            env.Error.WriteLine($"{GateReportCommand.Name}: warning: {warning}");
        }

        options ??= PublishOptions.Default;
        return await ReportOutputs.PublishAsync(merged, settings.Common, env, options with { Markdown = details => new PromotionMarkdown(details) }, ct);
    }
}
